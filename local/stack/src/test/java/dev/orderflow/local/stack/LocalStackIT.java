package dev.orderflow.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.auth.SigningKey;
import dev.orderflow.local.auth.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole stack as a user meets it: real HTTP, real tokens from the token URL, the real gateway, queue, poller,
 * workflow, functions and DynamoDB. Each test uses its own order ids, so they share one stack.
 */
class LocalStackIT {

    private static LocalStack stack;
    private static Endpoints endpoints;
    private static ApiClient alice;
    private static ApiClient bob;
    private static SfnClient stepFunctions;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.ephemeral());
        endpoints = stack.endpoints();
        alice = ApiClient.signedIn(endpoints, "demo", "demo-secret");
        bob = ApiClient.signedIn(endpoints, "demo-other", "demo-other-secret");
        stepFunctions = SfnClient.builder()
                .endpointOverride(endpoints.stepFunctionsEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        stepFunctions.close();
        stack.close();
    }

    private static String key() {
        return "it-" + UUID.randomUUID();
    }

    private static String order(String menuItemId, int quantity) {
        return """
                {"restaurantId": "luigis-pizzeria", "items": [{"menuItemId": "%s", "quantity": %d}]}
                """.formatted(menuItemId, quantity);
    }

    private static ApiClient.Response placed(ApiClient client, String key, String body) {
        ApiClient.Response accepted = client.post("/orders", body, "Idempotency-Key", key);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted;
    }

    private static JsonNode finalState(ApiClient client, String orderId) {
        return client.awaitGet("/orders/" + orderId, r -> r.status() == 200
                && !r.json().get("status").asText().equals("PENDING")).json();
    }

    private static List<ExecutionListItem> executionsOf(String orderId) {
        return stepFunctions.listExecutionsPaginator(r -> r.stateMachineArn(endpoints.stateMachineArn()))
                .executions().stream().filter(e -> e.name().contains(orderId.substring(0, Math.min(40, orderId.length()))))
                .toList();
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            LockSupport.parkNanos(50_000_000);
        }
    }

    private static int queued() {
        Map<QueueAttributeName, String> attributes = stack.sqs().client().getQueueAttributes(r -> r
                .queueUrl(endpoints.queueUrl()).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    @Test
    void placedOrder_goesFromPendingToConfirmed_withServerPrices() {
        String key = key();
        ApiClient.Response accepted = placed(alice, key, order("margherita", 2));

        assertThat(accepted.json().get("orderId").asText()).isEqualTo(key);
        assertThat(accepted.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(accepted.header("Location")).isEqualTo("/orders/" + key);
        JsonNode confirmed = finalState(alice, key);
        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.at("/total/amountMinor").asLong()).isEqualTo(1900);
        assertThat(confirmed.at("/items/0/unitPrice/amountMinor").asLong()).isEqualTo(950);
    }

    @Test
    void orderWithoutIdempotencyKey_getsTheRequestIdAsOrderId() {
        ApiClient.Response accepted = alice.post("/orders", order("tiramisu", 1));

        String orderId = accepted.json().get("orderId").asText();
        assertThat(orderId).matches("[0-9a-f-]{36}");
        assertThat(finalState(alice, orderId).get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void orderOfAnUnavailableDish_isRejectedWithItsReason() {
        String key = key();
        placed(alice, key, order("calzone", 1));

        JsonNode rejected = finalState(alice, key);

        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.at("/rejectionReasons/0/code").asText()).isEqualTo("MENU_ITEM_UNAVAILABLE");
        assertThat(rejected.at("/rejectionReasons/0/menuItemId").asText()).isEqualTo("calzone");
        assertThat(rejected.has("total")).isFalse();
    }

    @Test
    void put_replacesTheItems_isRevalidatedAndRepriced_andTheLaterPutWins() {
        String key = key();
        placed(alice, key, order("margherita", 1));
        finalState(alice, key);

        assertThat(alice.put("/orders/" + key, order("diavola", 3)).status()).isEqualTo(202);
        JsonNode replaced = alice.awaitGet("/orders/" + key, r -> r.json().get("version").asInt() == 2
                && r.json().get("status").asText().equals("CONFIRMED")).json();
        assertThat(replaced.at("/items/0/menuItemId").asText()).isEqualTo("diavola");
        assertThat(replaced.at("/total/amountMinor").asLong()).isEqualTo(3 * 1150);

        assertThat(alice.put("/orders/" + key, order("calzone", 1)).status()).isEqualTo(202);
        assertThat(alice.put("/orders/" + key, order("tiramisu", 2)).status()).isEqualTo(202);
        JsonNode latest = alice.awaitGet("/orders/" + key, r -> r.json().get("version").asInt() >= 3
                && r.json().get("status").asText().equals("CONFIRMED")
                && r.json().at("/items/0/menuItemId").asText().equals("tiramisu")).json();
        assertThat(latest.at("/total/amountMinor").asLong()).isEqualTo(1200);
        await("both replace executions to finish", () -> executionsOf(key).stream()
                .allMatch(e -> e.status() != ExecutionStatus.RUNNING) && executionsOf(key).size() == 4);
        assertThat(alice.get("/orders/" + key).json().at("/items/0/menuItemId").asText()).isEqualTo("tiramisu");
    }

    @Test
    void repeatedIdempotencyKey_givesTheSameOrderId_andOneOrderAndOneExecution() {
        String key = key();
        String first = placed(alice, key, order("margherita", 1)).json().get("orderId").asText();
        String second = placed(alice, key, order("diavola", 5)).json().get("orderId").asText();

        assertThat(second).isEqualTo(first);
        JsonNode order = finalState(alice, key);
        await("both messages consumed", () -> queued() == 0);
        assertThat(order.at("/items/0/menuItemId").asText()).isEqualTo("margherita");
        assertThat(executionsOf(key)).hasSize(1);
    }

    @Test
    void listing_pagesNewestFirst_andShowsOnlyTheCallersOrders() {
        ApiClient carol = ApiClient.signedIn(endpoints, "demo-read-only", "demo-read-only-secret");
        assertThat(carol.get("/orders").json().get("orders")).isEmpty();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String key = key();
            placed(bob, key, order("margherita", 1));
            finalState(bob, key);
            placed.addFirst(key);
        }

        List<String> listed = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = bob.get("/orders?limit=2" + (next == null ? "" : "&nextToken=" + next)).json();
            page.get("orders").forEach(o -> listed.add(o.get("orderId").asText()));
            next = page.has("nextToken") ? page.get("nextToken").asText() : null;
            pages++;
        } while (next != null && pages < 50);

        assertThat(listed).containsSubsequence(placed);
        assertThat(listed.subList(0, 5)).isEqualTo(placed);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void deletedOrder_is404_andTheRunningWorkflowDoesNotBringItBack() {
        String key = key();
        placed(alice, key, order("margherita", 1));
        alice.awaitGet("/orders/" + key, r -> r.status() == 200);

        assertThat(alice.delete("/orders/" + key).status()).isEqualTo(204);

        await("the workflow to end", () -> !executionsOf(key).isEmpty()
                && executionsOf(key).stream().allMatch(e -> e.status() != ExecutionStatus.RUNNING));
        assertThat(alice.get("/orders/" + key).status()).isEqualTo(404);
        assertThat(alice.delete("/orders/" + key).status()).isEqualTo(404);
    }

    @Test
    void anotherCallersOrder_is404ForGetAndDelete_andAPutChangesNothing() {
        String key = key();
        placed(alice, key, order("margherita", 1));
        JsonNode before = finalState(alice, key);

        assertThat(bob.get("/orders/" + key).status()).isEqualTo(404);
        assertThat(bob.delete("/orders/" + key).status()).isEqualTo(404);
        assertThat(bob.put("/orders/" + key, order("diavola", 9)).status()).isEqualTo(202);

        await("bob's replace to run", () -> executionsOf(key).size() == 2
                && executionsOf(key).stream().allMatch(e -> e.status() != ExecutionStatus.RUNNING));
        assertThat(alice.get("/orders/" + key).json()).isEqualTo(before);
        Map<String, AttributeValue> bobsItem = stack.dynamoDb().client().getItem(r -> r.tableName(LocalStack.ORDERS_TABLE)
                .key(Map.of("userId", AttributeValue.fromS("demo-other"), "orderId", AttributeValue.fromS(key)))).item();
        assertThat(bobsItem).isEmpty();
    }

    @Test
    void tokensThatAreMissingForgedExpiredForeignOrIdTokens_are401_andAMissingScopeIs403() {
        TestTokens tokens = stack.authorizationServer().testTokens();
        Instant past = Instant.now().minusSeconds(3600);
        List<String> refused = List.of(
                tokens.accessToken("demo", "orders/read", "orders/write").expiresAt(past).sign(),
                tokens.accessToken("demo", "orders/read", "orders/write").issuer("https://evil.example").sign(),
                tokens.accessToken("demo", "orders/read", "orders/write").signedWith(SigningKey.generate()).sign(),
                tokens.accessToken("demo", "orders/read", "orders/write").unsigned(),
                tokens.idToken("demo").sign(),
                "not-a-jwt");
        assertThat(ApiClient.withToken(endpoints, null).get("/orders").status()).isEqualTo(401);
        for (String token : refused) {
            ApiClient.Response response = ApiClient.withToken(endpoints, token).get("/orders");
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.json().has("message")).isTrue();
        }

        ApiClient readOnly = ApiClient.signedIn(endpoints, "demo-read-only", "demo-read-only-secret");
        ApiClient.Response forbidden = readOnly.post("/orders", order("margherita", 1));
        assertThat(forbidden.status()).isEqualTo(403);
    }

    @Test
    void malformedJsonAndSchemaViolations_are400WithAMessage_andNothingIsQueued() {
        await("the queue to be idle", () -> queued() == 0);
        int executionsBefore = stepFunctions.listExecutionsPaginator(r -> r.stateMachineArn(endpoints.stateMachineArn()))
                .executions().stream().toList().size();

        List<String> bad = List.of(
                "{\"restaurantId\": \"luigis-pizzeria\", \"items\": [",
                "{\"items\": [{\"menuItemId\": \"margherita\", \"quantity\": 1}]}",
                "{\"restaurantId\": \"luigis-pizzeria\", \"items\": [{\"menuItemId\": \"margherita\", \"quantity\": 0}]}",
                "{\"restaurantId\": \"luigis-pizzeria\", \"items\": [], \"extra\": true}");
        for (String body : bad) {
            ApiClient.Response response = alice.post("/orders", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.json().get("message").asText()).isNotBlank();
        }
        assertThat(alice.post("/orders", order("margherita", 1), "Idempotency-Key", "bad key!").status()).isEqualTo(400);

        assertThat(queued()).isZero();
        assertThat(stepFunctions.listExecutionsPaginator(r -> r.stateMachineArn(endpoints.stateMachineArn()))
                .executions().stream().toList()).hasSize(executionsBefore);
    }
}
