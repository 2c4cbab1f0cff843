package dev.orderflow.local.states.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./orderflow states bench}, run small: every execution confirms its order, and the rates are reported. */
class BenchCommandIT {

    @Test
    void bench_reportsExecutionsPerSecondAndTheFloor() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = StatesCommand.execute(List.of("bench", "--executions", "40", "--warmup", "10", "--concurrency", "4"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true));

        assertThat(status).isZero();
        JsonNode report = Json.parse(out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        assertThat(report.get("workflow").get("executionsPerSecond").asDouble()).isPositive();
        assertThat(report.get("workflow").get("failed").asInt()).isZero();
        assertThat(report.get("floorDirectHandlerCalls").get("ordersPerSecond").asDouble()).isPositive();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("order workflow: ").contains("executions/s");
    }
}
