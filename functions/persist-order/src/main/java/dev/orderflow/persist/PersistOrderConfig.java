package dev.orderflow.persist;

import dev.orderflow.aws.AwsSettings;
import dev.orderflow.config.Settings;

/** persist-order's configuration, read once at start-up. */
record PersistOrderConfig(String ordersTable, AwsSettings aws) {

    static final String ORDERS_TABLE = "ORDERS_TABLE";

    static PersistOrderConfig from(Settings settings) {
        return new PersistOrderConfig(settings.required(ORDERS_TABLE), AwsSettings.from(settings));
    }
}
