package dev.orderflow.local.states.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.ExecutionStatus;
import dev.orderflow.local.states.json.Json;
import dev.orderflow.testing.Catalogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The order workflow end to end: the real handlers in-process, DynamoDB Local behind them. */
class OrderWorkflowIT {

    private static OrderWorkflowFixture fixture;

    @BeforeAll
    static void start() {
        fixture = OrderWorkflowFixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Execution run(ObjectNode change) throws Exception {
        return fixture.engine().runExecution(fixture.stateMachineArn(), change.get("orderId").asText(),
                Json.write(change), Duration.ofSeconds(30));
    }

    private static Order stored(ObjectNode change) {
        return fixture.orders().find(change.get("userId").asText(), change.get("orderId").asText()).orElseThrow();
    }

    @Test
    void validOrder_isConfirmedWithServerSidePrices() throws Exception {
        ObjectNode change = OrderWorkflowFixture.orderChange("it-" + UUID.randomUUID());

        Execution run = run(change);

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output().orElseThrow().get("outcome").asText()).isEqualTo("CONFIRMED");
        Order order = stored(change);
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.total().amountMinor()).isEqualTo(2 * 950 + 600);
    }

    @Test
    void orderAtAClosedRestaurant_isRejectedWithTheReason() throws Exception {
        ObjectNode change = OrderWorkflowFixture.orderChange("it-" + UUID.randomUUID(), Catalogs.NOODLE_BAR, Catalogs.RAMEN);

        Execution run = run(change);

        assertThat(run.output().orElseThrow().get("outcome").asText()).isEqualTo("REJECTED");
        Order order = stored(change);
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.rejectionReasons()).extracting(reason -> reason.code().name())
                .contains("RESTAURANT_NOT_ACCEPTING_ORDERS");
    }

    @Test
    void orderDeletedWhileTheWorkflowRuns_staysDeleted() throws Exception {
        RequestStreamHandler persist = fixture.persistHandler();
        fixture.engine().registerFunction(OrderWorkflowFixture.PERSIST_FUNCTION, (RequestStreamHandler) (in, out, context) -> {
            byte[] payload = in.readAllBytes();
            JsonNode request = Json.parse(new String(payload, StandardCharsets.UTF_8));
            if (request.path("action").asText().equals("CONFIRM")) {
                fixture.orders().delete(request.get("userId").asText(), request.get("orderId").asText(), Instant.now());
            }
            persist.handleRequest(new ByteArrayInputStream(payload), out, context);
        });
        try {
            ObjectNode change = OrderWorkflowFixture.orderChange("it-" + UUID.randomUUID());

            Execution run = run(change);

            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(run.output().orElseThrow().get("outcome").asText()).isEqualTo("DELETED");
            assertThat(fixture.orders().find(change.get("userId").asText(), change.get("orderId").asText())).isEmpty();
        } finally {
            fixture.engine().registerFunction(OrderWorkflowFixture.PERSIST_FUNCTION, persist);
        }
    }

    @Test
    void handlerException_isTheErrorNamedByItsClass_andEndsRecordedAsFailed() throws Exception {
        ObjectNode change = OrderWorkflowFixture.orderChange("it-" + UUID.randomUUID());
        change.put("kind", "UPSERT");

        Execution run = run(change);

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).contains("dev.orderflow.workflow.MalformedMessageException");
        JsonNode cause = Json.parse(run.cause().orElseThrow());
        assertThat(cause.get("errorType").asText()).isEqualTo("dev.orderflow.workflow.MalformedMessageException");
        assertThat(cause.get("errorMessage").asText()).contains("kind must be CREATE or REPLACE");
        assertThat(cause.get("stackTrace").get(0).asText()).startsWith("dev.orderflow.workflow.OrderChangeMessage");
    }
}
