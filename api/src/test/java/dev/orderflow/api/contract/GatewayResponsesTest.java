package dev.orderflow.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** API Gateway's own answers (authorizer, validator, throttling, unknown routes) speak the API's error JSON. */
class GatewayResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Response type to status; the two defaults keep whatever status API Gateway chose. */
    private static final Map<String, String> STATUS_BY_TYPE = Map.ofEntries(
            entry("DEFAULT_4XX", ""), entry("DEFAULT_5XX", ""),
            entry("UNAUTHORIZED", "401"), entry("EXPIRED_TOKEN", "401"), entry("ACCESS_DENIED", "403"),
            entry("MISSING_AUTHENTICATION_TOKEN", "404"),
            entry("BAD_REQUEST_BODY", "400"), entry("BAD_REQUEST_PARAMETERS", "400"),
            entry("REQUEST_TOO_LARGE", "413"), entry("UNSUPPORTED_MEDIA_TYPE", "415"),
            entry("THROTTLED", "429"), entry("QUOTA_EXCEEDED", "429"));

    private static final JsonNode GATEWAY_RESPONSES = OpenApiDocument.tree().path("x-amazon-apigateway-gateway-responses");

    @Test
    void gatewayResponses_coverEveryErrorApiGatewayAnswersItself() {
        Map<String, String> statuses = new LinkedHashMap<>();
        GATEWAY_RESPONSES.properties()
                .forEach(type -> statuses.put(type.getKey(), type.getValue().path("statusCode").asText()));

        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(STATUS_BY_TYPE);
    }

    @Test
    void everyGatewayResponse_isAJsonObjectWithOnlyAMessage() throws Exception {
        for (String type : STATUS_BY_TYPE.keySet()) {
            JsonNode response = GATEWAY_RESPONSES.path(type);
            JsonNode body = JSON.readTree(substituteErrorVariables(template(type)));

            assertThat(response.at("/responseParameters/gatewayresponse.header.Content-Type").asText())
                    .as(type).isEqualTo("'application/json'");
            assertThat(OpenApiDocument.names(response.path("responseTemplates"))).as(type).containsExactly("application/json");
            assertThat(Draft4Schemas.violations("Error", body)).as(type).isEmpty();
        }
    }

    @Test
    void unknownRoutes_areAnswered404NoSuchRoute() throws Exception {
        assertThat(JSON.readTree(template("MISSING_AUTHENTICATION_TOKEN")).path("message").asText())
                .isEqualTo("No such route");
    }

    @Test
    void invalidBodyAndParameters_sayWhatFailed() {
        assertThat(template("BAD_REQUEST_BODY")).contains("$context.error.validationErrorString");
        assertThat(template("BAD_REQUEST_PARAMETERS")).contains("$context.error.validationErrorString");
    }

    private static String template(String type) {
        return GATEWAY_RESPONSES.path(type).at("/responseTemplates/application~1json").asText();
    }

    /** What API Gateway puts in: messageString comes quoted, validationErrorString does not. */
    private static String substituteErrorVariables(String template) {
        return template
                .replace("$context.error.messageString", "\"Missing Authentication Token\"")
                .replace("$context.error.validationErrorString", "[instance failed to match pattern]");
    }
}
