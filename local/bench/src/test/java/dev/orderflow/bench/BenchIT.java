package dev.orderflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.workflow.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny benchmark, end to end, against a real local stack: one cold start per function (AOT caches trained by the
 * Dockerfiles' own commands), a second of load, and the report written. It checks the report's shape, never a
 * timing: figures on a shared machine are the benchmark's business, not a test's.
 */
class BenchIT {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();

    @Test
    void aTinyRun_writesTheReport_withEveryFigureTheIssueAsksFor(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report.json");
        List<String> progress = new ArrayList<>();

        Bench.Result result = new Bench(BenchOptions.tiny(REPOSITORY, report), progress::add).run();
        BenchReport.write(result, report);

        JsonNode json = Json.MAPPER.readTree(Files.readAllBytes(report));
        assertThat(json.get("coldStart")).hasSize(4);
        for (JsonNode start : json.get("coldStart")) {
            assertThat(start.get("function").asText()).isIn("poller", "validate-order", "persist-order", "orders-api");
            assertThat(start.get("medianMs").asDouble()).isPositive();
            assertThat(start.get("floorMs").asDouble()).isPositive();
            assertThat(start.get("ratio").asDouble()).isPositive();
        }
        for (String key : List.of("ordersPerSecond", "floorPutItemsPerSecond", "ratio", "p50Ms", "p95Ms", "p99Ms")) {
            assertThat(json.get("e2e").get(key).asDouble()).as("e2e." + key).isPositive();
        }
        for (String key : List.of("requestsPerSecond", "p50Ms", "p99Ms")) {
            assertThat(json.get("accept").get(key).asDouble()).as("accept." + key).isPositive();
        }
        assertThat(json.get("artifacts")).hasSize(4).allSatisfy(a -> assertThat(a.get("bytes").asLong()).isPositive());
        assertThat(json.get("e2e").get("fixedLoad").get("confirmed").asInt())
                .isEqualTo(json.get("e2e").get("fixedLoad").get("orders").asInt());
        assertThat(dir.resolve("report.md")).isRegularFile();
        assertThat(dir.resolve("report.png")).isRegularFile();
        assertThat(progress).anyMatch(line -> line.startsWith("cold starts"));
    }
}
