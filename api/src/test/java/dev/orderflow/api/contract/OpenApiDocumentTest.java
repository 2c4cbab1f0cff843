package dev.orderflow.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest {

    private static final String QUEUE_URI = "arn:aws:apigateway:${AwsRegion}:sqs:path/${AccountId}/${OrdersQueueName}";
    private static final String FUNCTION_URI =
            "arn:aws:apigateway:${AwsRegion}:lambda:path/2015-03-31/functions/${OrdersApiFunctionArn}/invocations";
    private static final List<String> QUEUED = List.of("POST /orders", "PUT /orders/{orderId}");
    private static final List<String> PROXIED = List.of("GET /orders", "GET /orders/{orderId}", "DELETE /orders/{orderId}");

    @Test
    void document_parsesAndValidatesWithoutAnyMessage() {
        SwaggerParseResult result = parse();

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.0.1");
    }

    @Test
    void document_hasExactlyTheFiveOperations() {
        assertThat(operations().keySet()).containsExactlyInAnyOrderElementsOf(OpenApiDocument.OPERATIONS);
    }

    @Test
    void everyOperation_requiresExactlyItsScopeOnTheCognitoAuthorizer() {
        Map<String, List<SecurityRequirement>> security = new TreeMap<>();
        operations().forEach((name, operation) -> security.put(name, operation.getSecurity()));

        assertThat(security).isEqualTo(new TreeMap<>(Map.of(
                "POST /orders", requirement("orders/write"),
                "PUT /orders/{orderId}", requirement("orders/write"),
                "DELETE /orders/{orderId}", requirement("orders/write"),
                "GET /orders", requirement("orders/read"),
                "GET /orders/{orderId}", requirement("orders/read"))));
    }

    @Test
    void cognitoScheme_isACognitoUserPoolsAuthorizerOnTheAuthorizationHeader() {
        JsonNode cognito = OpenApiDocument.tree().at("/components/securitySchemes/cognito");

        assertThat(cognito.path("type").asText()).isEqualTo("apiKey");
        assertThat(cognito.path("in").asText()).isEqualTo("header");
        assertThat(cognito.path("name").asText()).isEqualTo("Authorization");
        assertThat(cognito.path("x-amazon-apigateway-authtype").asText()).isEqualTo("cognito_user_pools");
        assertThat(cognito.at("/x-amazon-apigateway-authorizer/type").asText()).isEqualTo("cognito_user_pools");
        assertThat(texts(cognito.at("/x-amazon-apigateway-authorizer/providerARNs"))).containsExactly("${UserPoolArn}");
    }

    @Test
    void placeAndReplace_sendToTheOrdersQueueAfterValidatingBodyAndParameters() {
        for (String name : QUEUED) {
            JsonNode integration = OpenApiDocument.integration(name);

            assertThat(routing(name)).as(name).isEqualTo(
                    Map.of("validator", "all", "type", "aws", "httpMethod", "POST", "uri", QUEUE_URI));
            assertThat(integration.path("credentials").asText()).as(name).isEqualTo("${ApiGatewayQueueRoleArn}");
            assertThat(integration.path("passthroughBehavior").asText()).as(name).isEqualTo("never");
            assertThat(integration.at("/requestParameters/integration.request.header.Content-Type").asText())
                    .as(name).isEqualTo("'application/x-www-form-urlencoded'");
            assertThat(OpenApiDocument.names(integration.path("requestTemplates"))).as(name).containsExactly("application/json");
            assertThat(statusBySelectionPattern(integration)).as(name)
                    .containsExactly(Map.entry("2\\d{2}", "202"), Map.entry("4\\d{2}", "400"), Map.entry("default", "500"));
        }
    }

    @Test
    void placeAndReplace_requireAnOrderRequestBodyAndAnswer202WithLocation() {
        for (String name : QUEUED) {
            JsonNode operation = OpenApiDocument.operation(name);

            assertThat(operation.at("/requestBody/required").asBoolean()).as(name).isTrue();
            assertThat(OpenApiDocument.names(operation.at("/requestBody/content"))).as(name).containsExactly("application/json");
            assertThat(operation.at("/requestBody/content/application~1json/schema/$ref").asText())
                    .as(name).isEqualTo("#/components/schemas/OrderRequest");
            assertThat(operation.at("/responses/202/content/application~1json/schema/$ref").asText())
                    .as(name).isEqualTo("#/components/schemas/Accepted");
            assertThat(operation.at("/responses/202/headers/Location").isObject()).as(name).isTrue();
        }
    }

    @Test
    void readsAndDelete_proxyToTheOrdersApiFunctionAfterCheckingParameters() {
        for (String name : PROXIED) {
            assertThat(routing(name)).as(name).isEqualTo(
                    Map.of("validator", "params-only", "type", "aws_proxy", "httpMethod", "POST", "uri", FUNCTION_URI));
        }
    }

    @Test
    void requestValidators_areAllAndParamsOnly() {
        JsonNode validators = OpenApiDocument.tree().path("x-amazon-apigateway-request-validators");

        assertThat(OpenApiDocument.names(validators)).containsExactlyInAnyOrder("all", "params-only");
        assertThat(validators.at("/all/validateRequestBody").asBoolean()).isTrue();
        assertThat(validators.at("/all/validateRequestParameters").asBoolean()).isTrue();
        assertThat(validators.at("/params-only/validateRequestBody").asBoolean()).isFalse();
        assertThat(validators.at("/params-only/validateRequestParameters").asBoolean()).isTrue();
    }

    @Test
    void parameters_declareTheirFormats() {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        OpenApiDocument.tree().at("/components/parameters")
                .forEach(parameter -> parameters.put(parameter.path("in").asText() + " " + parameter.path("name").asText(), parameter));

        assertThat(parameters).containsOnlyKeys(
                "path orderId", "header Idempotency-Key", "query limit", "query nextToken", "query status");
        assertThat(parameters.get("path orderId").path("required").asBoolean()).isTrue();
        assertThat(OpenApiDocument.resolve(parameters.get("path orderId").path("schema")).path("pattern").asText())
                .isEqualTo("^[A-Za-z0-9_-]{1,64}$");
        assertThat(parameters.get("header Idempotency-Key").at("/schema/pattern").asText())
                .isEqualTo("^[A-Za-z0-9_-]{8,64}$");
        assertThat(parameters.get("query limit").path("schema").toString())
                .isEqualTo("{\"type\":\"integer\",\"minimum\":1,\"maximum\":100,\"default\":20}");
        assertThat(OpenApiDocument.resolve(parameters.get("query nextToken").path("schema")).path("maxLength").asInt())
                .isEqualTo(2048);
        assertThat(texts(OpenApiDocument.resolve(parameters.get("query status").path("schema")).path("enum")))
                .containsExactly("PENDING", "CONFIRMED", "REJECTED", "FAILED");
    }

    @Test
    void everyOperation_documentsItsErrorsAsErrorJson() {
        Map<String, List<String>> expected = Map.of(
                "POST /orders", List.of("400", "401", "403", "413", "415", "429", "500"),
                "PUT /orders/{orderId}", List.of("400", "401", "403", "413", "415", "429", "500"),
                "GET /orders", List.of("400", "401", "403", "429", "500"),
                "GET /orders/{orderId}", List.of("400", "401", "403", "404", "429", "500"),
                "DELETE /orders/{orderId}", List.of("400", "401", "403", "404", "429", "500"));

        expected.forEach((name, statuses) -> {
            JsonNode responses = OpenApiDocument.operation(name).path("responses");
            List<String> errors = OpenApiDocument.names(responses).stream().filter(status -> status.compareTo("400") >= 0).toList();
            assertThat(errors).as(name).containsExactlyElementsOf(statuses);
            for (String status : errors) {
                assertThat(OpenApiDocument.resolve(responses.path(status)).at("/content/application~1json/schema/$ref").asText())
                        .as(name + " " + status).isEqualTo("#/components/schemas/Error");
            }
        });
    }

    @Test
    void everyExample_matchesItsSchema() {
        List<JsonNode> mediaTypes = new ArrayList<>();
        collectExamples(OpenApiDocument.tree(), mediaTypes);

        assertThat(mediaTypes).hasSizeGreaterThanOrEqualTo(10);
        for (JsonNode mediaType : mediaTypes) {
            assertThat(Draft4Schemas.violations(mediaType.path("schema"), mediaType.path("example")))
                    .as(mediaType.path("example").toString()).isEmpty();
        }
    }

    @Test
    void maxBodyBytes_isDeclaredForTheLocalGateway() {
        assertThat(OpenApiDocument.tree().path("x-orderflow-max-body-bytes").asInt()).isEqualTo(65536);
    }

    private static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(OpenApiDocument.text(), null, options);
    }

    private static Map<String, Operation> operations() {
        OpenAPI api = parse().getOpenAPI();
        Map<String, Operation> operations = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method + " " + path, operation)));
        return operations;
    }

    private static List<SecurityRequirement> requirement(String scope) {
        return List.of(new SecurityRequirement().addList("cognito", scope));
    }

    /** The request validator an operation names, and its integration's type, HTTP method and URI. */
    private static Map<String, String> routing(String name) {
        JsonNode integration = OpenApiDocument.integration(name);
        return Map.of(
                "validator", OpenApiDocument.operation(name).path("x-amazon-apigateway-request-validator").asText(),
                "type", integration.path("type").asText(),
                "httpMethod", integration.path("httpMethod").asText(),
                "uri", integration.path("uri").asText());
    }

    private static Map<String, String> statusBySelectionPattern(JsonNode integration) {
        Map<String, String> statuses = new LinkedHashMap<>();
        integration.path("responses").properties()
                .forEach(response -> statuses.put(response.getKey(), response.getValue().path("statusCode").asText()));
        return statuses;
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asText).toList();
    }

    /** Media types (and the like) that carry both a schema and an example. */
    private static void collectExamples(JsonNode node, List<JsonNode> found) {
        if (node.has("schema") && node.has("example")) {
            found.add(node);
        }
        node.forEach(child -> collectExamples(child, found));
    }
}
