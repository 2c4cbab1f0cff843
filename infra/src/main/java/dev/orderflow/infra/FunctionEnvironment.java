package dev.orderflow.infra;

import dev.orderflow.aws.startup.StartupFlags;

import java.util.Map;

/**
 * The handlers and the environment each function reads at start-up (its {@code *Config} record): the program sets
 * exactly these, and a test loads every function's configuration from them.
 */
final class FunctionEnvironment {

    static final String POLLER_HANDLER = "dev.orderflow.poller.PollerHandler::handleRequest";
    static final String VALIDATE_ORDER_HANDLER = "dev.orderflow.validate.ValidateOrderHandler::handleRequest";
    static final String PERSIST_ORDER_HANDLER = "dev.orderflow.persist.PersistOrderHandler::handleRequest";
    static final String ORDERS_API_HANDLER = "dev.orderflow.api.OrdersApiHandler::handleRequest";

    static final String STATE_MACHINE_ARN = "STATE_MACHINE_ARN";
    static final String CATALOG_TABLE = "CATALOG_TABLE";
    static final String ORDERS_TABLE = "ORDERS_TABLE";
    static final String PAGE_TOKEN_KEY = "PAGE_TOKEN_KEY";
    /**
     * The JVM options of the two zip functions (the images set theirs in their Dockerfile, with their AOT cache):
     * the same {@link StartupFlags} that {@code ./orderflow bench} measures their cold starts with.
     */
    static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    private FunctionEnvironment() {
    }

    static Map<String, String> poller(String stateMachineArn) {
        return Map.of(STATE_MACHINE_ARN, stateMachineArn, JAVA_TOOL_OPTIONS, StartupFlags.JAVA_TOOL_OPTIONS);
    }

    static Map<String, String> validateOrder(String catalogTable) {
        return Map.of(CATALOG_TABLE, catalogTable);
    }

    static Map<String, String> persistOrder(String ordersTable) {
        return Map.of(ORDERS_TABLE, ordersTable);
    }

    static Map<String, String> ordersApi(String ordersTable, String pageTokenKey) {
        return Map.of(ORDERS_TABLE, ordersTable, PAGE_TOKEN_KEY, pageTokenKey,
                JAVA_TOOL_OPTIONS, StartupFlags.JAVA_TOOL_OPTIONS);
    }
}
