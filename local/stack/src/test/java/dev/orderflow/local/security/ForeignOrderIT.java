package dev.orderflow.local.security;

import dev.orderflow.local.stack.Endpoints;
import dev.orderflow.local.stack.LocalStack;
import dev.orderflow.local.stack.LocalStackOptions;
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

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A valid token used on someone else's order, over real HTTP against the whole local stack: GET and DELETE answer
 * 404 exactly as for an order that does not exist; a PUT is accepted (the API is asynchronous and checks after
 * answering) but changes nothing, which the orders table shows once its workflow has ended.
 */
class ForeignOrderIT {

    private static final String OWNER = "demo";
    private static final String INTRUDER = "demo-other";

    private static LocalStack stack;
    private static HttpCaller http;
    private static String ownerToken;
    private static String intruderToken;
    private static SfnClient stepFunctions;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStackOptions.ephemeral());
        http = new HttpCaller(stack.endpoints());
        ownerToken = http.accessToken(OWNER, "demo-secret");
        intruderToken = http.accessToken(INTRUDER, "demo-other-secret");
        stepFunctions = SfnClient.builder()
                .endpointOverride(stack.endpoints().stepFunctionsEndpoint())
                .region(Region.of(LocalStack.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        if (stepFunctions != null) {
            stepFunctions.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anotherCallersOrder_isNotFoundForGetAndDelete_andAPutIsAcceptedButChangesNothing() {
        String orderId = "foreign-order-1";
        placeAndAwaitDecision(ownerToken, OWNER, orderId, "margherita", 1);
        Map<String, AttributeValue> before = Footprint.item(stack, OWNER, orderId);

        HttpCaller.Answer get = send("GET", "/orders/" + orderId, null, intruderToken, 404);
        HttpCaller.Answer delete = send("DELETE", "/orders/" + orderId, null, intruderToken, 404);
        HttpCaller.Answer put = send("PUT", "/orders/" + orderId, order("diavola", 9), intruderToken, 202);

        assertThat(get).as("the same answer as for an order that never existed")
                .isEqualTo(send("GET", "/orders/never-existed", null, intruderToken, 404));
        assertThat(delete).isEqualTo(send("DELETE", "/orders/never-existed", null, intruderToken, 404));
        assertThat(put.body()).contains("\"orderId\": \"" + orderId + "\"");
        Await.until("the create and the intruder's replace to end", () -> {
            List<ExecutionListItem> executions = executionsOf(orderId);
            return executions.size() == 2 && executions.stream().noneMatch(e -> e.status() == ExecutionStatus.RUNNING);
        });
        ExecutionListItem replace = executionsOf(orderId).stream().filter(e -> e.name().startsWith("r-")).findFirst()
                .orElseThrow();
        assertThat(stepFunctions.describeExecution(r -> r.executionArn(replace.executionArn())).output())
                .contains("NOT_FOUND");
        assertThat(Footprint.item(stack, OWNER, orderId)).as("the owner's item, unchanged").isEqualTo(before);
        assertThat(Footprint.item(stack, INTRUDER, orderId)).as("no item of the intruder's").isEmpty();
        assertThat(send("GET", "/orders", null, intruderToken, 200).body()).doesNotContain(orderId);
    }

    @Test
    void anotherCallersIdempotencyKey_makesAnOrderOfTheirOwn_andLeavesTheFirstOwnersOrderAlone() {
        String key = "foreign-order-key-2";
        placeAndAwaitDecision(ownerToken, OWNER, key, "margherita", 1);
        Map<String, AttributeValue> before = Footprint.item(stack, OWNER, key);

        placeAndAwaitDecision(intruderToken, INTRUDER, key, "diavola", 3);

        assertThat(Footprint.item(stack, OWNER, key)).as("the owner's item, unchanged").isEqualTo(before);
        assertThat(Footprint.item(stack, INTRUDER, key).get("status").s()).isEqualTo("CONFIRMED");
        assertThat(send("GET", "/orders/" + key, null, intruderToken, 200).body())
                .contains("diavola").doesNotContain("margherita");
        assertThat(send("GET", "/orders/" + key, null, ownerToken, 200).body())
                .contains("margherita").doesNotContain("diavola");
    }

    private static void placeAndAwaitDecision(String token, String userId, String key, String menuItemId, int quantity) {
        HttpCaller.Answer accepted = http.send(HttpCase.of("place " + key, "POST", "/orders", 202)
                .json(order(menuItemId, quantity)).header("Idempotency-Key", key), token);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        Await.until(userId + "'s " + key + " to be decided", () -> Footprint.decided(stack, userId, key));
    }

    /** Sends a request and checks its status. */
    private static HttpCaller.Answer send(String method, String path, String body, String token, int expectedStatus) {
        HttpCase request = HttpCase.of(method + " " + path, method, path, expectedStatus);
        HttpCaller.Answer answer = http.send(body == null ? request : request.json(body), token);
        assertThat(answer.status()).as("%s answered %s", request, answer).isEqualTo(expectedStatus);
        return answer;
    }

    private static String order(String menuItemId, int quantity) {
        return """
                {"restaurantId": "luigis-pizzeria", "items": [{"menuItemId": "%s", "quantity": %d}]}"""
                .formatted(menuItemId, quantity);
    }

    private static List<ExecutionListItem> executionsOf(String orderId) {
        Endpoints endpoints = stack.endpoints();
        return stepFunctions.listExecutionsPaginator(r -> r.stateMachineArn(endpoints.stateMachineArn()))
                .executions().stream()
                .filter(e -> e.name().startsWith("c-" + orderId + "-") || e.name().startsWith("r-" + orderId + "-"))
                .toList();
    }
}
