package dev.orderflow.local.states.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.aws.AwsSettings;
import dev.orderflow.aws.dynamodb.CatalogTable;
import dev.orderflow.aws.dynamodb.DynamoDbCatalog;
import dev.orderflow.aws.dynamodb.DynamoDbOrderRepository;
import dev.orderflow.aws.dynamodb.OrdersTable;
import dev.orderflow.config.Settings;
import dev.orderflow.domain.Menu;
import dev.orderflow.local.states.DefinitionPlaceholders;
import dev.orderflow.local.states.StepFunctionsEngine;
import dev.orderflow.local.states.json.Json;
import dev.orderflow.local.states.time.StatesClock;
import dev.orderflow.persist.PersistOrderHandler;
import dev.orderflow.ports.OrderRepository;
import dev.orderflow.testing.Catalogs;
import dev.orderflow.testing.EmbeddedDynamoDb;
import dev.orderflow.validate.ValidateOrderHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The order workflow wired for real: DynamoDB Local with the orders and catalog tables (the catalog seeded with
 * the test menus), the real persist-order and validate-order handlers built from their configuration, and the
 * workflow definition from the {@code orderflow-statemachine} artifact with its function ARNs substituted.
 */
final class OrderWorkflowFixture implements AutoCloseable {

    static final String DEFINITION_RESOURCE = "orderflow/statemachine/order-workflow.asl.json";
    static final String PERSIST_FUNCTION = "orderflow-persist-order";
    static final String VALIDATE_FUNCTION = "orderflow-validate-order";

    private final StepFunctionsEngine engine;
    private final String stateMachineArn;
    private final PersistOrderHandler persist;
    private final ValidateOrderHandler validate;
    private final OrderRepository orders;

    private OrderWorkflowFixture(StepFunctionsEngine engine, String stateMachineArn, PersistOrderHandler persist,
                                 ValidateOrderHandler validate, OrderRepository orders) {
        this.engine = engine;
        this.stateMachineArn = stateMachineArn;
        this.persist = persist;
        this.validate = validate;
        this.orders = orders;
    }

    static OrderWorkflowFixture start() {
        EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.shared();
        String ordersTable = dynamoDb.createTable("orders", OrdersTable::createTableRequest);
        String catalogTable = dynamoDb.createTable("catalog", CatalogTable::createTableRequest);
        DynamoDbCatalog catalog = new DynamoDbCatalog(dynamoDb.client(), catalogTable);
        for (Menu menu : Catalogs.all()) {
            catalog.put(menu.restaurant());
            menu.items().values().forEach(catalog::put);
        }
        Settings settings = Settings.of(Map.of(
                "ORDERS_TABLE", ordersTable,
                "CATALOG_TABLE", catalogTable,
                AwsSettings.AWS_REGION, EmbeddedDynamoDb.REGION,
                AwsSettings.AWS_ACCESS_KEY_ID, "local",
                AwsSettings.AWS_SECRET_ACCESS_KEY, "local",
                AwsSettings.AWS_ENDPOINT_URL_DYNAMODB, dynamoDb.endpoint().toString()));
        PersistOrderHandler persist = new PersistOrderHandler(settings);
        ValidateOrderHandler validate = new ValidateOrderHandler(settings);
        StepFunctionsEngine engine = StepFunctionsEngine.builder().clock(StatesClock.virtual()).build();
        String persistArn = engine.registerFunction(PERSIST_FUNCTION, persist);
        String validateArn = engine.registerFunction(VALIDATE_FUNCTION, validate);
        String definition = DefinitionPlaceholders.substitute(definition(), Map.of(
                "PersistOrderFunctionArn", persistArn, "ValidateOrderFunctionArn", validateArn));
        return new OrderWorkflowFixture(engine, engine.createStateMachine("order-workflow", definition), persist, validate,
                new DynamoDbOrderRepository(dynamoDb.client(), ordersTable));
    }

    static String definition() {
        try (InputStream in = OrderWorkflowFixture.class.getClassLoader().getResourceAsStream(DEFINITION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFINITION_RESOURCE + " is not on the classpath (orderflow-statemachine)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new order for the open pizzeria: two Margheritas and a Tiramisu, which validates and prices. */
    static ObjectNode orderChange(String orderId) {
        return orderChange(orderId, Catalogs.PIZZERIA, Catalogs.MARGHERITA);
    }

    /** A new order at {@code restaurantId}: two of {@code menuItemId} and a Tiramisu. */
    static ObjectNode orderChange(String orderId, String restaurantId, String menuItemId) {
        ObjectNode change = Json.object();
        change.put("orderId", orderId);
        change.put("userId", "bench-user");
        change.put("kind", "CREATE");
        change.put("receivedAt", System.currentTimeMillis());
        change.put("requestId", "req-" + orderId);
        ObjectNode order = change.putObject("order");
        order.put("restaurantId", restaurantId);
        var items = order.putArray("items");
        items.addObject().put("menuItemId", menuItemId).put("quantity", 2);
        items.addObject().put("menuItemId", Catalogs.TIRAMISU).put("quantity", 1);
        return change;
    }

    StepFunctionsEngine engine() {
        return engine;
    }

    String stateMachineArn() {
        return stateMachineArn;
    }

    PersistOrderHandler persistHandler() {
        return persist;
    }

    ValidateOrderHandler validateHandler() {
        return validate;
    }

    /** The orders table, read and written as the functions do. */
    OrderRepository orders() {
        return orders;
    }

    @Override
    public void close() {
        engine.close();
    }
}
