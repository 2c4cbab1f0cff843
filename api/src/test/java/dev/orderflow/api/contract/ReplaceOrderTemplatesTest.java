package dev.orderflow.api.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.api.contract.MappingTemplates.Rendered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static dev.orderflow.api.contract.MappingTemplates.render;
import static dev.orderflow.api.contract.OrderJson.aQueueMessage;
import static dev.orderflow.api.contract.OrderJson.anAccepted;
import static dev.orderflow.api.contract.OrderJson.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;

/** PUT /orders/{orderId}: the VTL that queues a replacement, and turns SQS's answer into the API's. */
class ReplaceOrderTemplatesTest {

    private static final String OPERATION = "PUT /orders/{orderId}";
    private static final String ORDER_ID = "7f3c2a9e-order-0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode order = anOrderRequest();

    @Test
    void queuesAReplaceForTheOrderInThePath() {
        SqsQueryRequest call = sendMessage(put(ORDER_ID));

        assertThat(call.parameters()).containsOnlyKeys("Action", "MessageBody").containsEntry("Action", "SendMessage");
        assertThat(call.message()).isEqualTo(aQueueMessage(ORDER_ID, "REPLACE", order));
    }

    @Test
    void idempotencyKeyHeader_doesNotChangeWhichOrderIsReplaced() {
        SqsQueryRequest call = sendMessage(put(ORDER_ID).header("Idempotency-Key", "another-key-0002"));

        assertThat(call.message().path("orderId").asText()).isEqualTo(ORDER_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "quote\"d", "semi;colon", "ünïcode",
            "a-65-characters-long-order-id-is-just-one-character-more-than-allowed"})
    void withAMalformedOrderId_queuesNothing_becauseItSendsNoMessageBody(String orderId) {
        Rendered rendered = render(OpenApiDocument.requestTemplate(OPERATION), put(orderId));

        assertThat(rendered.body()).isEqualTo("Action=SendMessage");
    }

    @Test
    void whenQueued_answersTheOrderIdAsPendingWithThePathAsLocation() throws Exception {
        Rendered rendered = render(OpenApiDocument.responseTemplate(OPERATION, "2\\d{2}"), put(ORDER_ID));

        assertThat(JSON.readTree(rendered.body())).isEqualTo(anAccepted(ORDER_ID));
        assertThat(rendered.headerOverrides()).isEqualTo(Map.of("Location", "/prod/orders/" + ORDER_ID));
        assertThat(rendered.statusOverride()).isNull();
    }

    @Test
    void whenSqsRefusesAMalformedOrderId_answers400WithTheRule() throws Exception {
        Rendered rendered = render(OpenApiDocument.responseTemplate(OPERATION, "4\\d{2}"), put("has space"));

        assertThat(JSON.readTree(rendered.body()).path("message").asText())
                .isEqualTo("orderId must be 1 to 64 characters from A-Z a-z 0-9 _ -");
        assertThat(rendered.statusOverride()).isNull();
    }

    @Test
    void whenSqsRefusesAWellFormedRequest_answers500() throws Exception {
        Rendered rendered = render(OpenApiDocument.responseTemplate(OPERATION, "4\\d{2}"), put(ORDER_ID));

        assertThat(JSON.readTree(rendered.body()).path("message").asText()).isEqualTo("Internal server error");
        assertThat(rendered.statusOverride()).isEqualTo(500);
    }

    @Test
    void onAnyOtherSqsAnswer_answers500() throws Exception {
        Rendered rendered = render(OpenApiDocument.responseTemplate(OPERATION, "default"), put(ORDER_ID));

        assertThat(JSON.readTree(rendered.body()).path("message").asText()).isEqualTo("Internal server error");
    }

    @Test
    void orderIdChecks_useTheIdentifierSchemaPattern() {
        String pattern = OpenApiDocument.tree().at("/components/schemas/Identifier/pattern").asText();

        assertThat(MappingTemplates.checkedPatterns(OpenApiDocument.requestTemplate(OPERATION))).containsExactly(pattern);
        assertThat(MappingTemplates.checkedPatterns(OpenApiDocument.responseTemplate(OPERATION, "4\\d{2}")))
                .containsExactly(pattern);
    }

    /** The path as API Gateway gives it in $context.path: with the stage, and the path parameter decoded. */
    private MappingTemplates.Request put(String orderId) {
        return MappingTemplates.request("/prod/orders/" + orderId).pathParameter("orderId", orderId).body(order.toString());
    }

    private static SqsQueryRequest sendMessage(MappingTemplates.Request request) {
        return SqsQueryRequest.parse(render(OpenApiDocument.requestTemplate(OPERATION), request).body());
    }
}
