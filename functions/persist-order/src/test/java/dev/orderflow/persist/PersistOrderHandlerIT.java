package dev.orderflow.persist;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.aws.dynamodb.OrdersTable;
import dev.orderflow.config.Settings;
import dev.orderflow.testing.EmbeddedDynamoDb;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.util.Map;

import static dev.orderflow.persist.PersistOrderHandlerTest.fixture;
import static dev.orderflow.persist.PersistOrderHandlerTest.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/** The handler built as Lambda builds it (configuration only), against DynamoDB Local over HTTP. */
class PersistOrderHandlerIT {

    @Test
    void recordAndConfirm_throughTheConfiguredHandler_storeTheOrder() throws IOException {
        EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.shared();
        String table = dynamoDb.createTable("orders", OrdersTable::createTableRequest);
        PersistOrderHandler handler = new PersistOrderHandler(Settings.of(Map.of(
                "ORDERS_TABLE", table,
                "AWS_REGION", EmbeddedDynamoDb.REGION,
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString())));

        assertThat(invoke(handler, fixture("persist-record-create.json")).get("outcome").asText()).isEqualTo("RECORDED");
        JsonNode confirmed = invoke(handler, fixture("persist-confirm.json"));

        assertThat(confirmed.get("outcome").asText()).isEqualTo("CONFIRMED");
        Map<String, AttributeValue> item = dynamoDb.client().getItem(r -> r.tableName(table).key(Map.of(
                "userId", AttributeValue.fromS("3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"),
                "orderId", AttributeValue.fromS("checkout-2f9c41d7")))).item();
        assertThat(item.get("status").s()).isEqualTo("CONFIRMED");
        assertThat(item.get("totalMinor").n()).isEqualTo("2500");
    }
}
