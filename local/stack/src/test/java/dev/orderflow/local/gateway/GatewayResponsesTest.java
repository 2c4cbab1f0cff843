package dev.orderflow.local.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GatewayResponses DOCUMENT = new GatewayResponses(
            ApiDocument.fromClasspath(Deployment.local("us-east-1", "orders").placeholders()).gatewayResponses());

    @Test
    void validationErrors_withQuotes_stillGiveJson() throws Exception {
        GatewayAnswer answer = render(DOCUMENT,
                GatewayError.invalid(GatewayResponseType.BAD_REQUEST_BODY, List.of("enum [\"A\", \"B\"]", "back\\slash")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("message").asText())
                .isEqualTo("Invalid request body: [enum [\"A\", \"B\"], back\\slash]");
    }

    @Test
    void typeTheDocumentDoesNotDefine_fallsBackToDefault5xx_keepingItsStatus() throws Exception {
        GatewayAnswer answer = render(DOCUMENT, GatewayError.of(GatewayResponseType.INTEGRATION_FAILURE));

        assertThat(answer.status()).isEqualTo(504);
        assertThat(JSON.readTree(answer.body()).path("message").asText()).isEqualTo("Internal server error");
        assertThat(answer.headers()).containsEntry("Content-Type", List.of("application/json"));
    }

    @Test
    void default4xx_putsTheMessageInAsAQuotedString() throws Exception {
        GatewayAnswer answer = render(DOCUMENT, GatewayError.of(GatewayResponseType.DEFAULT_4XX));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("message").asText()).isEqualTo("Bad request");
    }

    @Test
    void withoutGatewayResponsesInTheDocument_apiGatewaysBuiltInAnswerIsUsed() throws Exception {
        GatewayAnswer answer = render(new GatewayResponses(MissingNode.getInstance()),
                GatewayError.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"message\": \"Missing Authentication Token\"}");
    }

    private static GatewayAnswer render(GatewayResponses responses, GatewayError error) {
        return responses.render(error, Map.of("requestId", "r-1"), expression -> Optional.empty());
    }
}
