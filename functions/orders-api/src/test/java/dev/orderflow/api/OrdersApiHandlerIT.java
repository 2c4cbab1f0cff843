package dev.orderflow.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.aws.dynamodb.DynamoDbOrderRepository;
import dev.orderflow.aws.dynamodb.OrdersTable;
import dev.orderflow.config.Settings;
import dev.orderflow.domain.OrderChange;
import dev.orderflow.testing.EmbeddedDynamoDb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.orderflow.api.OrdersApiHandlerTest.ALICE;
import static dev.orderflow.api.OrdersApiHandlerTest.ORDER;
import static dev.orderflow.api.OrdersApiHandlerTest.body;
import static dev.orderflow.api.OrdersApiHandlerTest.event;
import static dev.orderflow.testing.Orders.aCreate;
import static org.assertj.core.api.Assertions.assertThat;

/** The handler built as Lambda builds it (configuration only), against DynamoDB Local over HTTP. */
class OrdersApiHandlerIT {

    private static String table;
    private static OrdersApiHandler api;
    private static DynamoDbOrderRepository orders;

    @BeforeAll
    static void start() {
        EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.shared();
        table = dynamoDb.createTable("orders", OrdersTable::createTableRequest);
        orders = new DynamoDbOrderRepository(dynamoDb.client(), table);
        api = new OrdersApiHandler(Settings.of(Map.of(
                "ORDERS_TABLE", table,
                "PAGE_TOKEN_KEY", Base64.getEncoder().encodeToString(OrdersApiHandlerTest.KEY),
                "AWS_REGION", EmbeddedDynamoDb.REGION,
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString())));
    }

    @Test
    void getListAndDelete_workAgainstDynamoDb() throws IOException {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        OrderChange mine = aCreate().by(ALICE).withOrderId(ORDER).receivedAt(5_000).build();
        orders.record(mine, now);
        for (int i = 0; i < 4; i++) {
            orders.record(aCreate().by(ALICE).withOrderId("older-" + i).receivedAt(1_000 + i).build(), now);
        }

        JsonNode order = body(api.handleRequest(event("apigw-get-order.json"), null));
        assertThat(order.get("status").asText()).isEqualTo("PENDING");

        List<String> listed = new ArrayList<>();
        String token = null;
        do {
            APIGatewayProxyRequestEvent request = event("apigw-list-orders.json");
            if (token != null) {
                request.getQueryStringParameters().put("nextToken", token);
            }
            JsonNode page = body(api.handleRequest(request, null));
            page.get("orders").forEach(o -> listed.add(o.get("orderId").asText()));
            token = page.has("nextToken") ? page.get("nextToken").asText() : null;
        } while (token != null && listed.size() < 20);
        assertThat(listed).containsExactly(ORDER, "older-3", "older-2", "older-1", "older-0");

        assertThat(api.handleRequest(event("apigw-delete-order.json"), null).getStatusCode()).isEqualTo(204);
        assertThat(api.handleRequest(event("apigw-get-order.json"), null).getStatusCode()).isEqualTo(404);
        assertThat(api.handleRequest(event("apigw-delete-order.json"), null).getStatusCode()).isEqualTo(404);
    }
}
