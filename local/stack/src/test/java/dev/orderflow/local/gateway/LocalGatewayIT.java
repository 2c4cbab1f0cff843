package dev.orderflow.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.local.auth.AuthorizationServer;
import dev.orderflow.local.auth.OAuthClient;
import dev.orderflow.local.auth.SigningKey;
import dev.orderflow.local.auth.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The gateway over real HTTP, with the local authorization server and ElasticMQ as the SQS endpoint. */
class LocalGatewayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String QUEUE = "orders";
    private static final String ORDER = """
            {"restaurantId": "luigis-trattoria", "items": [{"menuItemId": "margherita", "quantity": 2}], "notes": "Extra basil"}""";

    private static EmbeddedSqs sqs;
    private static AuthorizationServer auth;
    private static TestTokens tokens;
    private static RecordingOrdersApi ordersApi;
    private static LocalGateway gateway;

    @BeforeAll
    static void start() {
        sqs = new EmbeddedSqs(QUEUE);
        auth = AuthorizationServer.builder().port(0).start();
        tokens = auth.testTokens();
        ordersApi = new RecordingOrdersApi();
        gateway = gatewayBuilder().start();
    }

    private static LocalGateway.Builder gatewayBuilder() {
        return LocalGateway.builder()
                .port(0)
                .deployment(Deployment.local("eu-west-1", QUEUE))
                .sqsEndpoint(sqs.endpoint())
                .authorizationServer(auth)
                .ordersApi(ordersApi);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        auth.close();
        sqs.close();
    }

    @BeforeEach
    void emptyQueue() {
        sqs.purge();
        ordersApi.reset();
    }

    @Test
    void post_withATokenFromTheTokenEndpoint_enqueuesTheOrderMessage_andAnswers202WithLocation() throws Exception {
        long before = System.currentTimeMillis();
        HttpResponse<String> response = send("POST", "/orders", tokenFromEndpoint("demo"), ORDER, Map.of());
        long after = System.currentTimeMillis();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(response.body());
        String orderId = answer.path("orderId").asText();
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(orderId).isEqualTo(requestId);
        assertThat(answer.path("status").asText()).isEqualTo("PENDING");
        assertThat(response.headers().firstValue("Location")).contains("/orders/" + orderId);

        List<Message> messages = sqs.receiveAll();
        assertThat(messages).hasSize(1);
        JsonNode message = JSON.readTree(messages.getFirst().body());
        assertThat(message.path("orderId").asText()).isEqualTo(orderId);
        assertThat(message.path("userId").asText()).isEqualTo("demo");
        assertThat(message.path("kind").asText()).isEqualTo("CREATE");
        assertThat(message.path("receivedAt").asLong()).isBetween(before, after);
        assertThat(message.path("requestId").asText()).isEqualTo(requestId);
        assertThat(message.path("order")).isEqualTo(JSON.readTree(ORDER));
    }

    @Test
    void post_byAnotherCaller_carriesThatCallersSubAsUserId() throws Exception {
        HttpResponse<String> response = send("POST", "/orders", bearer("demo-other", "orders/write"), ORDER, Map.of());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(sqs.receiveAll().getFirst().body()).path("userId").asText()).isEqualTo("demo-other");
    }

    @Test
    void post_withIdempotencyKey_makesTheKeyTheOrderId() throws Exception {
        HttpResponse<String> response = send("POST", "/orders", bearer("demo", "orders/write"), ORDER,
                Map.of("idempotency-key", "checkout-2f9c41d7"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).path("orderId").asText()).isEqualTo("checkout-2f9c41d7");
        assertThat(response.headers().firstValue("Location")).contains("/orders/checkout-2f9c41d7");
        assertThat(JSON.readTree(sqs.receiveAll().getFirst().body()).path("orderId").asText()).isEqualTo("checkout-2f9c41d7");
    }

    @Test
    void post_withMalformedIdempotencyKey_is400NamingTheHeader_andEnqueuesNothing() throws Exception {
        HttpResponse<String> response = send("POST", "/orders", bearer("demo", "orders/write"), ORDER,
                Map.of("Idempotency-Key", "short"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response)).startsWith("Invalid request parameters: ").contains("Idempotency-Key");
        assertThat(sqs.depth()).isZero();
    }

    @Test
    void post_withMalformedIdempotencyKey_whenOnlyPresenceIsChecked_isRefusedBySqs_andAnsweredByTheTemplate() throws Exception {
        try (LocalGateway presenceOnly = gatewayBuilder().checkParameterSchemas(false).start()) {
            HttpResponse<String> response = send(presenceOnly.endpoint(), "POST", "/orders",
                    bearer("demo", "orders/write"), ORDER, Map.of("Idempotency-Key", "has spaces in it"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(message(response)).isEqualTo("Idempotency-Key must be 8 to 64 characters from A-Z a-z 0-9 _ -");
            assertThat(sqs.depth()).isZero();
        }
    }

    @Test
    void put_enqueuesAReplaceOfThePathOrder_andAnswers202() throws Exception {
        HttpResponse<String> response = send("PUT", "/orders/order-42", bearer("demo", "orders/write"), ORDER, Map.of());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).path("orderId").asText()).isEqualTo("order-42");
        assertThat(response.headers().firstValue("Location")).contains("/orders/order-42");
        JsonNode message = JSON.readTree(sqs.receiveAll().getFirst().body());
        assertThat(message.path("kind").asText()).isEqualTo("REPLACE");
        assertThat(message.path("orderId").asText()).isEqualTo("order-42");
        assertThat(message.path("userId").asText()).isEqualTo("demo");
    }

    @Test
    void put_withMalformedPathId_is400_andEnqueuesNothing() throws Exception {
        HttpResponse<String> response = send("PUT", "/orders/bad%20id", bearer("demo", "orders/write"), ORDER, Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response)).contains("orderId");
        assertThat(sqs.depth()).isZero();
    }

    static Stream<Arguments> bodiesBreakingTheSchema() {
        return Stream.of(
                arguments("{\"items\": [{\"menuItemId\": \"margherita\", \"quantity\": 2}]}", "restaurantId"),
                arguments("{\"restaurantId\": \"r1\", \"items\": [{\"menuItemId\": \"m1\", \"quantity\": 21}]}", "$.items[0].quantity"),
                arguments("{\"restaurantId\": \"r1\", \"items\": []}", "$.items"),
                arguments("{\"restaurantId\": \"r1\", \"items\": [{\"menuItemId\": \"m1\", \"quantity\": 1}], \"price\": 1}", "price"),
                arguments("{\"restaurantId\": \"r 1\", \"items\": [{\"menuItemId\": \"m1\", \"quantity\": 1}]}", "$.restaurantId"));
    }

    @ParameterizedTest
    @MethodSource("bodiesBreakingTheSchema")
    void post_withABodyBreakingTheSchema_is400NamingWhatFailed_andEnqueuesNothing(String body, String named) throws Exception {
        HttpResponse<String> response = send("POST", "/orders", bearer("demo", "orders/write"), body, Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response)).startsWith("Invalid request body: [").contains(named);
        assertThat(sqs.depth()).isZero();
    }

    @ParameterizedTest
    @MethodSource("malformedJson")
    void post_withMalformedJson_is400_andEnqueuesNothing(String body) throws Exception {
        HttpResponse<String> response = send("POST", "/orders", bearer("demo", "orders/write"), body, Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response)).startsWith("Invalid request body: [");
        assertThat(sqs.depth()).isZero();
    }

    static Stream<String> malformedJson() {
        return Stream.of("{\"restaurantId\": ", "", "{\"restaurantId\": \"a\", \"restaurantId\": \"b\", \"items\": []}",
                ORDER + " trailing");
    }

    static Stream<Arguments> refusedTokens() {
        SigningKey otherKey = SigningKey.generate();
        Instant now = Instant.now();
        return Stream.of(
                arguments("no token", (Function<TestTokens, String>) t -> null, "Unauthorized"),
                arguments("garbage", (Function<TestTokens, String>) t -> "Bearer not-a-jwt", "Unauthorized"),
                arguments("signed by another key", (Function<TestTokens, String>) t ->
                        "Bearer " + t.accessToken("demo", "orders/write").signedWith(otherKey).sign(), "Unauthorized"),
                arguments("another key under the right kid", (Function<TestTokens, String>) t ->
                        "Bearer " + t.accessToken("demo", "orders/write").signedWith(otherKey).keyId(t.keyId()).sign(),
                        "Unauthorized"),
                arguments("expired", (Function<TestTokens, String>) t ->
                        "Bearer " + t.accessToken("demo", "orders/write").expiresAt(now.minusSeconds(5)).sign(),
                        "The access token has expired"),
                arguments("not yet valid", (Function<TestTokens, String>) t ->
                        "Bearer " + t.accessToken("demo", "orders/write").notBefore(now.plusSeconds(600)).sign(), "Unauthorized"),
                arguments("another issuer", (Function<TestTokens, String>) t ->
                        "Bearer " + t.accessToken("demo", "orders/write").issuer("https://elsewhere.example").sign(), "Unauthorized"),
                arguments("an ID token", (Function<TestTokens, String>) t -> "Bearer " + t.idToken("demo").sign(), "Unauthorized"),
                arguments("alg none", (Function<TestTokens, String>) t ->
                        "Bearer " + t.accessToken("demo", "orders/write").unsigned(), "Unauthorized"),
                arguments("HS256 keyed with the public key", (Function<TestTokens, String>) t ->
                        "Bearer " + t.accessToken("demo", "orders/write").signedHs256WithPublicKey(), "Unauthorized"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void post_withARefusedToken_is401_andEnqueuesNothing(String why, Function<TestTokens, String> authorization,
                                                        String expectedMessage) throws Exception {
        HttpResponse<String> response = send("POST", "/orders", authorization.apply(tokens), ORDER, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(message(response)).isEqualTo(expectedMessage);
        assertThat(sqs.depth()).isZero();
    }

    @Test
    void rawTokenWithoutBearer_isAccepted() throws Exception {
        HttpResponse<String> response = send("POST", "/orders", tokens.accessToken("demo", "orders/write").sign(), ORDER, Map.of());

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void post_withAReadOnlyToken_is403_andEnqueuesNothing() throws Exception {
        HttpResponse<String> response = send("POST", "/orders", tokenFromEndpoint("demo-read-only"), ORDER, Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(message(response)).isEqualTo("Forbidden");
        assertThat(sqs.depth()).isZero();
    }

    @Test
    void get_withAWriteOnlyToken_is403_andNeverReachesTheHandler() throws Exception {
        HttpResponse<String> response = send("GET", "/orders/order-42", bearer("demo", "orders/write"), null, Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ordersApi.lastEvent()).isNull();
    }

    @Test
    void post_aboveTheDocumentsBodyLimit_is413() throws Exception {
        String huge = "{\"notes\": \"" + "x".repeat(70_000) + "\"}";

        HttpResponse<String> response = send("POST", "/orders", bearer("demo", "orders/write"), huge, Map.of());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(message(response)).isEqualTo("Request body too large");
        assertThat(sqs.depth()).isZero();
    }

    @Test
    void post_withAnotherContentType_is415_andEnqueuesNothing() throws Exception {
        HttpResponse<String> response = send("POST", "/orders", bearer("demo", "orders/write"), ORDER,
                Map.of("Content-Type", "text/plain"));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(message(response)).startsWith("Unsupported media type");
        assertThat(sqs.depth()).isZero();
    }

    @Test
    void post_withJsonAndACharset_isAccepted() throws Exception {
        HttpResponse<String> response = send("POST", "/orders", bearer("demo", "orders/write"), ORDER,
                Map.of("Content-Type", "application/json; charset=UTF-8"));

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void unknownPathOrMethod_is404NoSuchRoute() throws Exception {
        for (String[] methodAndPath : new String[][] {{"GET", "/nothing"}, {"PATCH", "/orders"}, {"GET", "/orders/a/b"}}) {
            HttpResponse<String> response = send(methodAndPath[0], methodAndPath[1], bearer("demo", "orders/read"), null, Map.of());

            assertThat(response.statusCode()).as(String.join(" ", methodAndPath)).isEqualTo(404);
            assertThat(message(response)).isEqualTo("No such route");
        }
    }

    @Test
    void getOrder_reachesTheHandlerAsARestProxyEvent_andItsAnswerComesBack() throws Exception {
        HttpResponse<String> response = send("GET", "/orders/order-42?view=full", tokenFromEndpoint("demo"), null,
                Map.of("Accept", "application/json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("caller").asText()).isEqualTo("demo");
        assertThat(response.headers().firstValue("X-Handler")).contains("orders-api");

        APIGatewayProxyRequestEvent event = ordersApi.lastEvent();
        assertThat(event.getResource()).isEqualTo("/orders/{orderId}");
        assertThat(event.getPath()).isEqualTo("/orders/order-42");
        assertThat(event.getHttpMethod()).isEqualTo("GET");
        assertThat(event.getPathParameters()).containsExactly(Map.entry("orderId", "order-42"));
        assertThat(event.getQueryStringParameters()).containsExactly(Map.entry("view", "full"));
        assertThat(event.getMultiValueQueryStringParameters()).containsEntry("view", List.of("full"));
        assertThat(event.getHeaders()).containsEntry("Accept", "application/json");
        assertThat(event.getMultiValueHeaders()).containsEntry("Accept", List.of("application/json"));
        assertThat(event.getBody()).isNull();
        assertThat(event.getRequestContext().getRequestId()).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
        assertThat(event.getRequestContext().getResourcePath()).isEqualTo("/orders/{orderId}");
        assertThat(event.getRequestContext().getStage()).isEqualTo("local");
        assertThat(event.getRequestContext().getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = (Map<String, Object>) event.getRequestContext().getAuthorizer().get("claims");
        assertThat(claims).containsEntry("sub", "demo").containsEntry("token_use", "access")
                .containsEntry("scope", "orders/read orders/write").containsKeys("exp", "iat", "jti", "client_id");
        assertThat(claims.values()).allMatch(String.class::isInstance);
        assertThat(ordersApi.lastContext().getInvokedFunctionArn()).isEqualTo(gateway.deployment().ordersApiFunctionArn());
    }

    @Test
    void listOrders_withALimitOutOfRange_is400_andNeverReachesTheHandler() throws Exception {
        HttpResponse<String> response = send("GET", "/orders?limit=0", bearer("demo", "orders/read"), null, Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(message(response)).contains("limit");
        assertThat(ordersApi.lastEvent()).isNull();
    }

    @Test
    void listOrders_reachesTheHandlerWithoutPathParameters() throws Exception {
        HttpResponse<String> response = send("GET", "/orders?limit=5", bearer("demo", "orders/read"), null, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ordersApi.lastEvent().getResource()).isEqualTo("/orders");
        assertThat(ordersApi.lastEvent().getPathParameters()).isNull();
    }

    @Test
    void delete_answersTheHandlersStatus() throws Exception {
        HttpResponse<String> response = send("DELETE", "/orders/order-42", bearer("demo", "orders/write"), null, Map.of());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(ordersApi.lastEvent().getHttpMethod()).isEqualTo("DELETE");
    }

    @Test
    void handlerThatThrows_is502InternalServerError() throws Exception {
        HttpResponse<String> response = send("GET", "/orders/" + RecordingOrdersApi.FAILING_ORDER,
                bearer("demo", "orders/read"), null, Map.of());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(message(response)).isEqualTo("Internal server error");
    }

    @Test
    void servedUnderABasePath_theLocationAndContextPathIncludeIt() throws Exception {
        try (LocalGateway prod = gatewayBuilder().stage("prod").basePath("/prod").start()) {
            HttpResponse<String> post = send(prod.endpoint(), "POST", "/orders", bearer("demo", "orders/write"), ORDER,
                    Map.of("Idempotency-Key", "order-under-prod"));
            HttpResponse<String> get = send(prod.endpoint(), "GET", "/orders/x1", bearer("demo", "orders/read"), null, Map.of());

            assertThat(post.headers().firstValue("Location")).contains("/prod/orders/order-under-prod");
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(ordersApi.lastEvent().getPath()).isEqualTo("/orders/x1");
            assertThat(ordersApi.lastEvent().getRequestContext().getPath()).isEqualTo("/prod/orders/x1");
            assertThat(ordersApi.lastEvent().getRequestContext().getStage()).isEqualTo("prod");
        }
    }

    private static String bearer(String clientId, String... scopes) {
        return "Bearer " + tokens.accessToken(clientId, scopes).sign();
    }

    /** A real client_credentials token from the authorization server's token endpoint. */
    private static String tokenFromEndpoint(String clientId) throws Exception {
        OAuthClient client = auth.client(clientId);
        String basic = Base64.getEncoder().encodeToString(
                (client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(auth.tokenEndpoint())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        return "Bearer " + JSON.readTree(response.body()).path("access_token").asText();
    }

    private static HttpResponse<String> send(String method, String path, String authorization, String body,
                                             Map<String, String> headers) throws Exception {
        return send(gateway.endpoint(), method, path, authorization, body, headers);
    }

    /** Sends a request and checks what every gateway answer has: a request id, and JSON unless it has no body. */
    private static HttpResponse<String> send(URI endpoint, String method, String path, String authorization, String body,
                                             Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("x-amzn-RequestId")).as("request id header").isPresent();
        if (!response.body().isEmpty()) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JSON.readTree(response.body());
        }
        return response;
    }

    private static String message(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("message").asText();
    }
}
