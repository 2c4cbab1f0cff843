package dev.orderflow.persist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.aws.dynamodb.DynamoDbOrderRepository;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.ports.OrderRepository;
import dev.orderflow.ports.StoreUnavailableException;
import dev.orderflow.testing.InMemoryOrderRepository;
import dev.orderflow.testing.LambdaEvents;
import dev.orderflow.workflow.Json;
import dev.orderflow.workflow.MalformedMessageException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class PersistOrderHandlerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final String USER = "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    private static final String ORDER = "checkout-2f9c41d7";

    static JsonNode invoke(PersistOrderHandler handler, String payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    static String fixture(String name) {
        return LambdaEvents.text("events/" + name);
    }

    /** Mockito at the SDK seam: the requests carry the conditions that make retries and races safe. */
    @Nested
    class RequestsToDynamoDb {

        private final DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
        private final PersistOrderHandler handler =
                new PersistOrderHandler(new DynamoDbOrderRepository(dynamoDb, "orders"), CLOCK);

        @Test
        void recordCreate_putsOnlyIfAbsent_andAsksForTheOldItemOnConflict() throws IOException {
            when(dynamoDb.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());

            JsonNode answer = invoke(handler, fixture("persist-record-create.json"));

            ArgumentCaptor<PutItemRequest> put = ArgumentCaptor.forClass(PutItemRequest.class);
            verify(dynamoDb).putItem(put.capture());
            assertThat(put.getValue().tableName()).isEqualTo("orders");
            assertThat(put.getValue().conditionExpression()).isEqualTo("attribute_not_exists(#orderId)");
            assertThat(put.getValue().expressionAttributeNames()).containsEntry("#orderId", "orderId");
            assertThat(put.getValue().returnValuesOnConditionCheckFailure())
                    .isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
            assertThat(put.getValue().item())
                    .containsEntry("userId", AttributeValue.fromS(USER))
                    .containsEntry("orderId", AttributeValue.fromS(ORDER))
                    .containsEntry("status", AttributeValue.fromS("PENDING"))
                    .containsEntry("version", AttributeValue.fromN("1"))
                    .containsEntry("changeReceivedAt", AttributeValue.fromN("1763805600123"))
                    .containsEntry("createdKey", AttributeValue.fromS("2025-11-22T10:00:00.123Z#" + ORDER));
            assertThat(answer.get("outcome").asText()).isEqualTo("RECORDED");
            assertThat(answer.get("version").asLong()).isEqualTo(1);
        }

        @Test
        void recordReplace_updatesOnlyANewerChangeOfAnExistingUndeletedOrder() throws IOException {
            when(dynamoDb.updateItem(any(UpdateItemRequest.class))).thenReturn(UpdateItemResponse.builder()
                    .attributes(Map.of("version", AttributeValue.fromN("4"))).build());
            ObjectNode payload = (ObjectNode) Json.MAPPER.readTree(fixture("persist-record-create.json"));
            ((ObjectNode) payload.get("change")).put("kind", "REPLACE");

            JsonNode answer = invoke(handler, payload.toString());

            ArgumentCaptor<UpdateItemRequest> update = ArgumentCaptor.forClass(UpdateItemRequest.class);
            verify(dynamoDb).updateItem(update.capture());
            assertThat(update.getValue().conditionExpression()).isEqualTo(
                    "attribute_exists(#orderId) AND attribute_not_exists(#deletedAt) AND (#changeReceivedAt < :receivedAt"
                            + " OR (#changeReceivedAt = :receivedAt AND #changeRequestId < :requestId))");
            assertThat(update.getValue().updateExpression())
                    .contains("#status = :pending", "#version = #version + :one", "#notes = :notes")
                    .contains("REMOVE #totalMinor, #currency, #reasons");
            assertThat(update.getValue().expressionAttributeValues())
                    .containsEntry(":receivedAt", AttributeValue.fromN("1763805600123"))
                    .containsEntry(":requestId", AttributeValue.fromS("c5a1e0c2-8a3b-4f7e-9d21-6b0f3e4a5c11"));
            assertThat(answer.get("version").asLong()).isEqualTo(4);
        }

        @Test
        void confirm_writesOnlyForTheVersionInFlightWhilePending() throws IOException {
            when(dynamoDb.updateItem(any(UpdateItemRequest.class))).thenReturn(UpdateItemResponse.builder().build());

            JsonNode answer = invoke(handler, fixture("persist-confirm.json"));

            ArgumentCaptor<UpdateItemRequest> update = ArgumentCaptor.forClass(UpdateItemRequest.class);
            verify(dynamoDb).updateItem(update.capture());
            assertThat(update.getValue().conditionExpression()).isEqualTo(
                    "#version = :version AND attribute_not_exists(#deletedAt) AND (#status = :pending OR #status = :outcome)");
            assertThat(update.getValue().expressionAttributeValues())
                    .containsEntry(":version", AttributeValue.fromN("1"))
                    .containsEntry(":outcome", AttributeValue.fromS("CONFIRMED"))
                    .containsEntry(":total", AttributeValue.fromN("2500"))
                    .containsEntry(":currency", AttributeValue.fromS("EUR"));
            assertThat(answer.get("outcome").asText()).isEqualTo("CONFIRMED");
        }

        @Test
        void confirm_ofADeletedOrder_isDeclinedAsDeleted() throws IOException {
            when(dynamoDb.updateItem(any(UpdateItemRequest.class))).thenThrow(ConditionalCheckFailedException.builder()
                    .item(Map.of("userId", AttributeValue.fromS(USER), "orderId", AttributeValue.fromS(ORDER),
                            "deletedAt", AttributeValue.fromS("2026-11-22T09:59:59.000Z")))
                    .build());

            JsonNode answer = invoke(handler, fixture("persist-confirm.json"));

            assertThat(answer.get("outcome").asText()).isEqualTo("DELETED");
            assertThat(answer.has("version")).isTrue();
            assertThat(answer.get("version").isNull()).isTrue();
        }

        @Test
        void throttling_surfacesAsTheRetryableStoreUnavailableException() {
            when(dynamoDb.updateItem(any(UpdateItemRequest.class))).thenThrow(DynamoDbException.builder()
                    .statusCode(400).awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                            .errorCode("ThrottlingException").build()).build());

            assertThatThrownBy(() -> invoke(handler, fixture("persist-confirm.json")))
                    .isExactlyInstanceOf(StoreUnavailableException.class);
        }
    }

    /** The workflow's sequences, on the in-memory fake that keeps the same rules. */
    @Nested
    class Sequences {

        private final OrderRepository orders = new InMemoryOrderRepository();
        private final PersistOrderHandler handler = new PersistOrderHandler(orders, CLOCK);

        @Test
        void recordThenConfirm_storesAConfirmedOrderWithServerPrices() throws IOException {
            invoke(handler, fixture("persist-record-create.json"));
            JsonNode answer = invoke(handler, fixture("persist-confirm.json"));

            assertThat(answer.get("outcome").asText()).isEqualTo("CONFIRMED");
            assertThat(orders.find(USER, ORDER).orElseThrow().total().amountMinor()).isEqualTo(2500);
        }

        @Test
        void recordRetried_answersRecordedWithTheSameVersion() throws IOException {
            invoke(handler, fixture("persist-record-create.json"));
            JsonNode again = invoke(handler, fixture("persist-record-create.json"));

            assertThat(again.get("outcome").asText()).isEqualTo("RECORDED");
            assertThat(again.get("version").asLong()).isEqualTo(1);
        }

        @Test
        void confirmedAfterDelete_leavesNoOrder() throws IOException {
            invoke(handler, fixture("persist-record-create.json"));
            orders.delete(USER, ORDER, CLOCK.instant());

            JsonNode answer = invoke(handler, fixture("persist-confirm.json"));

            assertThat(answer.get("outcome").asText()).isEqualTo("DELETED");
            assertThat(orders.find(USER, ORDER)).isEmpty();
        }

        @Test
        void reject_storesTheReasons() throws IOException {
            invoke(handler, fixture("persist-record-create.json"));

            assertThat(invoke(handler, fixture("persist-reject.json")).get("outcome").asText()).isEqualTo("REJECTED");
            assertThat(orders.find(USER, ORDER).orElseThrow().rejectionReasons())
                    .singleElement().satisfies(r -> assertThat(r.menuItemId()).isEqualTo("calzone"));
        }

        @Test
        void failOfAnUnrecordedCreate_leavesAFailedOrderNotSilence() throws IOException {
            JsonNode answer = invoke(handler, fixture("persist-fail-unrecorded.json"));

            assertThat(answer.get("outcome").asText()).isEqualTo("FAILED");
            assertThat(orders.find(USER, ORDER).orElseThrow().status()).isEqualTo(OrderStatus.FAILED);
        }

        @Test
        void malformedPayloads_areErrorsNamingTheField() {
            assertThatThrownBy(() -> invoke(handler, "{\"action\":\"EXPLODE\"}"))
                    .isInstanceOf(MalformedMessageException.class).hasMessageContaining("EXPLODE");
            assertThatThrownBy(() -> invoke(handler, "{\"action\":\"CONFIRM\",\"userId\":\"u\",\"orderId\":\"o\"}"))
                    .isInstanceOf(MalformedMessageException.class).hasMessageContaining("version");
            assertThatThrownBy(() -> invoke(handler, "{\"action\":\"RECORD\",\"change\":{\"orderId\":\"o\"}}"))
                    .isInstanceOf(MalformedMessageException.class).hasMessageContaining("userId");
            assertThatThrownBy(() -> invoke(handler, "[]")).isInstanceOf(MalformedMessageException.class);
        }
    }
}
