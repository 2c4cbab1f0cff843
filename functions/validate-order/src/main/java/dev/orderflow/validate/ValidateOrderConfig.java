package dev.orderflow.validate;

import dev.orderflow.aws.AwsSettings;
import dev.orderflow.config.Settings;

/** validate-order's configuration, read once at start-up. */
record ValidateOrderConfig(String catalogTable, AwsSettings aws) {

    static final String CATALOG_TABLE = "CATALOG_TABLE";

    static ValidateOrderConfig from(Settings settings) {
        return new ValidateOrderConfig(settings.required(CATALOG_TABLE), AwsSettings.from(settings));
    }
}
