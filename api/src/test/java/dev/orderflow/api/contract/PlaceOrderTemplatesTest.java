package dev.orderflow.api.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.api.contract.MappingTemplates.Rendered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static dev.orderflow.api.contract.MappingTemplates.REQUEST_ID;
import static dev.orderflow.api.contract.MappingTemplates.render;
import static dev.orderflow.api.contract.OrderJson.aQueueMessage;
import static dev.orderflow.api.contract.OrderJson.anAccepted;
import static dev.orderflow.api.contract.OrderJson.anOrderRequest;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /orders: the VTL that turns the request into an SQS SendMessage, and SQS's answer into the API's. */
class PlaceOrderTemplatesTest {

    private static final String OPERATION = "POST /orders";
    private static final String KEY = "retry-safe_key-0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode order = anOrderRequest();

    @Test
    void withAnIdempotencyKey_queuesACreateUnderThatKey() {
        SqsQueryRequest call = sendMessage(post().header("Idempotency-Key", KEY));

        assertThat(call.parameters()).containsOnlyKeys("Action", "MessageBody").containsEntry("Action", "SendMessage");
        assertThat(call.message()).isEqualTo(aQueueMessage(KEY, "CREATE", order));
    }

    @ParameterizedTest
    @ValueSource(strings = {"idempotency-key", "IDEMPOTENCY-KEY", "Idempotency-key"})
    void idempotencyKeyHeader_isFoundWhateverTheLetterCaseOfItsName(String headerName) {
        SqsQueryRequest call = sendMessage(post().header("Accept", "application/json").header(headerName, KEY));

        assertThat(call.message().path("orderId").asText()).isEqualTo(KEY);
    }

    @Test
    void withoutAnIdempotencyKey_queuesACreateUnderTheRequestId() {
        SqsQueryRequest call = sendMessage(post().header("Content-Type", "application/json"));

        assertThat(call.message()).isEqualTo(aQueueMessage(REQUEST_ID, "CREATE", order));
    }

    @Test
    void message_carriesTheBodyIntactThroughUrlEncoding() {
        order.put("notes", "Tom & Jerry = 100% + \"quotes\", ünïcödé, emoji \uD83C\uDF55, line\nbreak");

        SqsQueryRequest call = sendMessage(post().header("Idempotency-Key", KEY));

        assertThat(call.message().path("order")).isEqualTo(order);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short-7", "has space-in-key", "quote\"in-key", "semi;colon-key",
            "a-65-characters-long-key-is-just-one-character-more-than-allowed!"})
    void withAMalformedKey_queuesNothing_becauseItSendsNoMessageBody(String key) {
        Rendered rendered = render(OpenApiDocument.requestTemplate(OPERATION), post().header("Idempotency-Key", key));

        assertThat(rendered.body()).isEqualTo("Action=SendMessage");
    }

    @Test
    void whenQueued_answersTheOrderIdAsPendingWithItsLocation() throws Exception {
        Rendered rendered = render(OpenApiDocument.responseTemplate(OPERATION, "2\\d{2}"),
                post().header("idempotency-key", KEY));

        assertThat(JSON.readTree(rendered.body())).isEqualTo(anAccepted(KEY));
        assertThat(rendered.headerOverrides()).isEqualTo(Map.of("Location", "/prod/orders/" + KEY));
        assertThat(rendered.statusOverride()).isNull();
    }

    @Test
    void whenQueuedWithoutAKey_answersTheRequestIdAsOrderId() throws Exception {
        Rendered rendered = render(OpenApiDocument.responseTemplate(OPERATION, "2\\d{2}"), post());

        assertThat(JSON.readTree(rendered.body())).isEqualTo(anAccepted(REQUEST_ID));
        assertThat(rendered.headerOverrides()).isEqualTo(Map.of("Location", "/prod/orders/" + REQUEST_ID));
    }

    @Test
    void whenSqsRefusesAMalformedKey_answers400WithTheRule() throws Exception {
        Rendered rendered = render(OpenApiDocument.responseTemplate(OPERATION, "4\\d{2}"),
                post().header("Idempotency-Key", "bad key"));

        assertThat(JSON.readTree(rendered.body()).path("message").asText())
                .isEqualTo("Idempotency-Key must be 8 to 64 characters from A-Z a-z 0-9 _ -");
        assertThat(rendered.statusOverride()).isNull();
    }

    @Test
    void whenSqsRefusesAWellFormedRequest_answers500() throws Exception {
        Rendered withKey = render(OpenApiDocument.responseTemplate(OPERATION, "4\\d{2}"),
                post().header("Idempotency-Key", KEY));
        Rendered withoutKey = render(OpenApiDocument.responseTemplate(OPERATION, "4\\d{2}"), post());

        for (Rendered rendered : new Rendered[] {withKey, withoutKey}) {
            assertThat(JSON.readTree(rendered.body()).path("message").asText()).isEqualTo("Internal server error");
            assertThat(rendered.statusOverride()).isEqualTo(500);
        }
    }

    @Test
    void onAnyOtherSqsAnswer_answers500() throws Exception {
        Rendered rendered = render(OpenApiDocument.responseTemplate(OPERATION, "default"), post());

        assertThat(JSON.readTree(rendered.body()).path("message").asText()).isEqualTo("Internal server error");
    }

    @Test
    void keyChecks_useTheIdempotencyKeyParameterPattern() {
        String pattern = OpenApiDocument.tree().at("/components/parameters/IdempotencyKey/schema/pattern").asText();

        assertThat(MappingTemplates.checkedPatterns(OpenApiDocument.requestTemplate(OPERATION))).containsExactly(pattern);
        assertThat(MappingTemplates.checkedPatterns(OpenApiDocument.responseTemplate(OPERATION, "4\\d{2}"))).containsExactly(pattern);
    }

    private MappingTemplates.Request post() {
        return MappingTemplates.request("/prod/orders").body(order.toString());
    }

    private static SqsQueryRequest sendMessage(MappingTemplates.Request request) {
        return SqsQueryRequest.parse(render(OpenApiDocument.requestTemplate(OPERATION), request).body());
    }
}
