package dev.orderflow.api;

import dev.orderflow.aws.AwsSettings;
import dev.orderflow.config.Settings;

import java.util.Base64;

/** orders-api's configuration, read once at start-up. */
record OrdersApiConfig(String ordersTable, byte[] pageTokenKey, AwsSettings aws) {

    static final String ORDERS_TABLE = "ORDERS_TABLE";
    /** Base64 of at least 32 random bytes: signs the {@code nextToken} cursors. */
    static final String PAGE_TOKEN_KEY = "PAGE_TOKEN_KEY";

    static OrdersApiConfig from(Settings settings) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(settings.required(PAGE_TOKEN_KEY));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Invalid configuration: " + PAGE_TOKEN_KEY + " is not base64", e);
        }
        if (key.length < PageTokens.MIN_KEY_BYTES) {
            throw new IllegalStateException("Invalid configuration: " + PAGE_TOKEN_KEY + " must hold at least "
                    + PageTokens.MIN_KEY_BYTES + " bytes");
        }
        return new OrdersApiConfig(settings.required(ORDERS_TABLE), key, AwsSettings.from(settings));
    }
}
