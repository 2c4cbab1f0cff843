package dev.orderflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BenchReportTest {

    /** A run with round figures: a 40 ms floor, 100 ms and 300 ms functions, 1000 PutItem/s, 300 orders/s. */
    static Bench.Result result(Path report) {
        List<ColdStarts.Result> starts = List.of(
                coldStart(ColdStarts.FLOOR, 40),
                coldStart("validate-order", 100),
                coldStart("poller", 300));
        List<Double> accept = new ArrayList<>();
        List<Double> e2e = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            accept.add((double) i / 10); // 0.1 .. 10 ms
            e2e.add((double) i);         // 1 .. 100 ms
        }
        LoadPhase fixed = new LoadPhase("fixed", 100, 0, 100, 100, 100, 0, accept, e2e, 100, 99);
        LoadPhase saturation = new LoadPhase("saturation", Double.NaN, 32, 1000, 1000, 990, 10, accept, e2e, 800, 300);
        return new Bench.Result(Instant.parse("2026-11-22T10:00:00Z"), 120, BenchOptions.tiny(Path.of("."), report),
                new Bench.Machine(2, "Linux amd64", "OpenJDK 25", 0.5), starts,
                Map.of("validate-order", 8.0, "poller", 40.0),
                new Floors.Rate(1000, 8000, 8, 16), new Floors.Rate(500, 4000, 8, 16), fixed, fixed, saturation,
                List.of(new Bench.Artifact("poller", "zip", 8_000_000, 0),
                        new Bench.Artifact("validate-order", "image", 11_000_000, 40_000_000)));
    }

    private static ColdStarts.Result coldStart(String function, double ms) {
        List<ColdStarts.Run> runs = new ArrayList<>();
        for (int i = 0; i <= 10; i++) { // ms - 5 .. ms + 5: the median is ms
            runs.add(new ColdStarts.Run(ms + (i - 5), ms / 4, ms / 2, ms / 4));
        }
        return new ColdStarts.Result(function, runs);
    }

    @Test
    void json_hasTheKeysTheIssueNames_withFiguresFromTheRun() {
        ObjectNode json = BenchReport.json(result(Path.of("r.json")));

        JsonNode validate = json.get("coldStart").get(0);
        assertThat(validate.get("function").asText()).isEqualTo("validate-order");
        assertThat(validate.has("medianMs")).isTrue();
        assertThat(validate.get("floorMs").asDouble()).isEqualTo(40);
        assertThat(validate.get("ratio").asDouble()).isEqualTo(2.5);
        assertThat(json.get("coldStart")).hasSize(2); // the floor is beside, not among, the functions

        JsonNode e2e = json.get("e2e");
        assertThat(e2e.get("ordersPerSecond").asDouble()).isEqualTo(300);
        assertThat(e2e.get("floorPutItemsPerSecond").asDouble()).isEqualTo(1000);
        assertThat(e2e.get("ratio").asDouble()).isEqualTo(0.3);
        assertThat(e2e.get("p50Ms").asDouble()).isEqualTo(50);
        assertThat(e2e.get("p95Ms").asDouble()).isEqualTo(95);
        assertThat(e2e.get("p99Ms").asDouble()).isEqualTo(99);

        JsonNode accept = json.get("accept");
        assertThat(accept.get("requestsPerSecond").asDouble()).isEqualTo(800);
        assertThat(accept.get("p50Ms").asDouble()).isEqualTo(5);
        assertThat(accept.get("p99Ms").asDouble()).isEqualTo(9.9);

        JsonNode artifact = json.get("artifacts").get(0);
        assertThat(artifact.get("function").asText()).isEqualTo("poller");
        assertThat(artifact.get("bytes").asLong()).isEqualTo(8_000_000);
    }

    @Test
    void targets_sayWhichWereMet_andByHowMuchAndWhyOneWasMissed() {
        ObjectNode json = BenchReport.json(result(Path.of("r.json")));

        Map<String, JsonNode> targets = new java.util.HashMap<>();
        json.get("targets").forEach(t -> targets.put(t.get("name").asText(), t));
        assertThat(targets.get("cold start validate-order").get("met").asBoolean()).isTrue();
        JsonNode poller = targets.get("cold start poller");
        assertThat(poller.get("met").asBoolean()).isFalse();
        assertThat(poller.get("missedBy").asText()).contains("2.50x over");
        assertThat(poller.get("why").asText()).contains("zip function");
        assertThat(targets.get("end-to-end throughput").get("met").asBoolean()).isTrue();
        assertThat(targets.get("accept p99 at 100 req/s").get("met").asBoolean()).isTrue();
        assertThat(targets.get("jar validate-order").get("met").asBoolean()).isFalse();
        assertThat(targets.get("jar validate-order").get("missedBy").asText()).isEqualTo("1.00 MB over");
    }

    @Test
    void write_putsJsonMarkdownAndALegibleChartSideBySide(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report.json");

        BenchReport.write(result(report), report);

        assertThat(report).isRegularFile();
        assertThat(dir.resolve("report.md")).content().contains("| measure | result | floor | ratio | target |")
                .contains("![latency distribution](report.png)");
        BufferedImage chart = ImageIO.read(dir.resolve("report.png").toFile());
        assertThat(chart.getWidth()).isGreaterThanOrEqualTo(800);
        assertThat(Files.size(dir.resolve("report.png"))).isGreaterThan(5_000);
    }
}
