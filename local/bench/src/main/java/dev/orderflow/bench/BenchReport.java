package dev.orderflow.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.workflow.Json;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The report of one run: JSON (the keys the issue names, plus the detail behind them), Markdown with the table,
 * and the latency chart (PNG) beside them.
 */
final class BenchReport {

    private BenchReport() {
    }

    static ObjectNode json(Bench.Result r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("startedAt", r.startedAt().toString());
        root.put("seconds", round(r.seconds()));
        root.put("mode", r.options().quick() ? "quick" : "full");
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", r.machine().cores());
        machine.put("os", r.machine().os());
        machine.put("jvm", r.machine().jvm());
        machine.put("loadAverageAtStart", round(r.machine().loadAverageAtStart()));

        double floor = r.floor().medianMs();
        ArrayNode coldStart = root.putArray("coldStart");
        for (ColdStarts.Result start : r.functions()) {
            ObjectNode c = coldStart.addObject();
            c.put("function", start.function());
            c.put("medianMs", round(start.medianMs()));
            c.put("floorMs", round(floor));
            c.put("ratio", round(start.medianMs() / floor));
            c.put("runs", start.runs().size());
            c.put("jvmStartMs", round(start.medianOf(ColdStarts.Run::jvmMs)));
            c.put("initMs", round(start.medianOf(ColdStarts.Run::initMs)));
            c.put("firstInvokeMs", round(start.medianOf(ColdStarts.Run::invokeMs)));
            c.put("warmInvokeMs", round(r.warmInvocationMs().getOrDefault(start.function(), Double.NaN)));
            c.put("p90Ms", round(Percentiles.of(start.runs().stream().map(ColdStarts.Run::totalMs).toList()).at(90)));
        }
        ObjectNode floorNode = root.putObject("coldStartFloor");
        floorNode.put("function", ColdStarts.FLOOR);
        floorNode.put("medianMs", round(floor));
        floorNode.put("runs", r.floor().runs().size());

        LoadPhase sat = r.saturation();
        LoadPhase fixed = r.fixed();
        ObjectNode e2e = root.putObject("e2e");
        e2e.put("ordersPerSecond", round(sat.ordersPerSecond()));
        e2e.put("floorPutItemsPerSecond", round(r.putItems().perSecond()));
        e2e.put("ratio", round(sat.ordersPerSecond() / r.putItems().perSecond()));
        e2e.put("p50Ms", round(fixed.e2e().at(50)));
        e2e.put("p95Ms", round(fixed.e2e().at(95)));
        e2e.put("p99Ms", round(fixed.e2e().at(99)));
        e2e.put("measuredBy", "each order's updatedAt (stamped by persist-order as it records CONFIRMED) minus the"
                + " time its POST was due; read from the table after the phase");
        e2e.set("fixedLoad", phaseE2e(fixed));
        e2e.set("saturation", phaseE2e(sat));

        ObjectNode accept = root.putObject("accept");
        accept.put("requestsPerSecond", round(sat.acceptPerSecond()));
        accept.put("p50Ms", round(fixed.accept().at(50)));
        accept.put("p99Ms", round(fixed.accept().at(99)));
        accept.set("fixedLoad", phaseAccept(fixed));
        accept.set("pipelinePaused", phaseAccept(r.acceptAlone()));
        accept.set("saturation", phaseAccept(sat));

        ObjectNode floors = root.putObject("floors");
        floors.put("putItemsPerSecond", round(r.putItems().perSecond()));
        floors.put("putItemConcurrency", r.putItems().concurrency());
        floors.put("queueMessagesPerSecond", round(r.queue().perSecond()));
        floors.put("queueSenders", r.queue().concurrency());
        floors.put("httpClient", "UrlConnectionHttpClient (as the functions)");

        ArrayNode artifacts = root.putArray("artifacts");
        for (Bench.Artifact a : r.artifacts()) {
            ObjectNode node = artifacts.addObject();
            node.put("function", a.function());
            node.put("bytes", a.bytes());
            node.put("packaging", a.packaging());
            if (a.aotCacheBytes() > 0) {
                node.put("aotCacheBytes", a.aotCacheBytes());
            }
        }
        ArrayNode targets = root.putArray("targets");
        for (Targets.Check check : Targets.check(r)) {
            ObjectNode t = targets.addObject();
            t.put("name", check.name());
            t.put("target", check.target());
            t.put("measured", check.measured());
            t.put("met", check.met());
            if (!check.met()) {
                t.put("missedBy", check.shortfall());
                t.put("why", check.why());
            }
        }
        return root;
    }

    private static ObjectNode phaseE2e(LoadPhase phase) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (!Double.isNaN(phase.offeredPerSecond())) {
            node.put("offeredPerSecond", round(phase.offeredPerSecond()));
        } else {
            node.put("clients", phase.concurrency());
        }
        node.put("orders", phase.accepted());
        node.put("confirmed", phase.confirmed());
        node.put("otherFinal", phase.otherFinal());
        node.put("ordersPerSecond", round(phase.ordersPerSecond()));
        node.put("p50Ms", round(phase.e2e().at(50)));
        node.put("p95Ms", round(phase.e2e().at(95)));
        node.put("p99Ms", round(phase.e2e().at(99)));
        node.put("maxMs", round(phase.e2e().max()));
        return node;
    }

    private static ObjectNode phaseAccept(LoadPhase phase) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (!Double.isNaN(phase.offeredPerSecond())) {
            node.put("offeredPerSecond", round(phase.offeredPerSecond()));
        } else {
            node.put("clients", phase.concurrency());
        }
        node.put("requests", phase.posted());
        node.put("accepted", phase.accepted());
        node.put("requestsPerSecond", round(phase.acceptPerSecond()));
        node.put("p50Ms", round(phase.accept().at(50)));
        node.put("p99Ms", round(phase.accept().at(99)));
        node.put("maxMs", round(phase.accept().max()));
        return node;
    }

    /** The table printed at the end and put in the Markdown report. */
    static String table(Bench.Result r) {
        StringBuilder t = new StringBuilder();
        double floor = r.floor().medianMs();
        t.append("| measure | result | floor | ratio | target |\n|---|---|---|---|---|\n");
        for (ColdStarts.Result start : r.functions()) {
            t.append(row("cold start " + start.function() + " (median of " + start.runs().size() + "; init "
                            + ms(start.medianOf(ColdStarts.Run::initMs)) + ", 1st invoke "
                            + ms(start.medianOf(ColdStarts.Run::invokeMs)) + ")",
                    ms(start.medianMs()), ms(floor) + " bare JVM", x(start.medianMs() / floor), "<= 5x"));
        }
        LoadPhase f = r.fixed();
        LoadPhase s = r.saturation();
        t.append(row("end to end, saturation (" + s.concurrency() + " clients, " + s.confirmed() + " orders)",
                num(s.ordersPerSecond()) + " orders/s", num(r.putItems().perSecond()) + " PutItem/s (" +
                        r.putItems().concurrency() + " threads)",
                pct(s.ordersPerSecond() / r.putItems().perSecond()), ">= 25%"));
        t.append(row("POST -> CONFIRMED at " + num(f.offeredPerSecond()) + " orders/s (" + f.confirmed() + " orders)",
                "p50 " + ms(f.e2e().at(50)) + ", p95 " + ms(f.e2e().at(95)) + ", p99 " + ms(f.e2e().at(99)), "", "",
                "p99 <= 250 ms"));
        t.append(row("POST -> CONFIRMED at saturation", "p50 " + ms(s.e2e().at(50)) + ", p95 " + ms(s.e2e().at(95))
                + ", p99 " + ms(s.e2e().at(99)), "", "", "(queueing)"));
        t.append(row("accept (POST /orders) at " + num(f.offeredPerSecond()) + " req/s",
                "p50 " + ms(f.accept().at(50)) + ", p99 " + ms(f.accept().at(99)), "", "", "p99 <= 25 ms"));
        t.append(row("accept at " + num(r.acceptAlone().offeredPerSecond()) + " req/s, pipeline paused",
                "p50 " + ms(r.acceptAlone().accept().at(50)) + ", p99 " + ms(r.acceptAlone().accept().at(99)), "", "",
                "(diagnostic)"));
        t.append(row("accept at saturation (" + s.concurrency() + " clients)", num(s.acceptPerSecond()) + " req/s, p50 "
                + ms(s.accept().at(50)) + ", p99 " + ms(s.accept().at(99)), "", "", ""));
        t.append(row("queue round trip (send, receive 10, delete batch)", num(r.queue().perSecond()) + " msg/s",
                "(floor)", "", ""));
        for (Bench.Artifact a : r.artifacts()) {
            t.append(row("artifact " + a.function() + " (" + a.packaging() + ")", Targets.mb(a.bytes())
                    + " (" + a.bytes() + " B)" + (a.aotCacheBytes() > 0 ? " + AOT cache " + Targets.mb(a.aotCacheBytes()) : ""),
                    "", "", "<= 10 MB"));
        }
        return t.toString();
    }

    static String markdown(Bench.Result r, String chartFile) {
        StringBuilder md = new StringBuilder();
        md.append("# Orderflow benchmark\n\n");
        md.append("Run %s (%s mode, %.0f s) on %d cores, %s, %s; load average at start %.2f.\n\n".formatted(
                r.startedAt(), r.options().quick() ? "quick" : "full", r.seconds(), r.machine().cores(),
                r.machine().os(), r.machine().jvm(), r.machine().loadAverageAtStart()));
        md.append(table(r)).append('\n');
        md.append("## Targets\n\n| target | wanted | measured | met | missed by | why |\n|---|---|---|---|---|---|\n");
        for (Targets.Check c : Targets.check(r)) {
            md.append("| %s | %s | %s | %s | %s | %s |\n".formatted(c.name(), c.target(), c.measured(),
                    c.met() ? "yes" : "**no**", c.shortfall(), c.why()));
        }
        md.append("\n![latency distribution](").append(chartFile).append(")\n\n");
        md.append("""
                How it was measured: cold starts spawn a fresh JVM per run with the deployed JAVA_TOOL_OPTIONS (and, for
                the container images, the AOT cache trained by the Dockerfile's own command), the function's environment
                pointed at this run's stack, and time it from process start to the line the probe prints after the first
                handleRequest returns; the floor is a hello-world main started the same way. POSTs at a fixed rate are
                open loop and timed from when each was due (no coordinated omission); POST -> CONFIRMED is each order's
                updatedAt minus that due time. Everything runs on this one machine, so the ratios compare within the run.
                """);
        return md.toString();
    }

    static void write(Bench.Result r, Path jsonFile) {
        Path absolute = jsonFile.toAbsolutePath();
        String base = absolute.getFileName().toString().replaceFirst("\\.json$", "");
        Path markdown = absolute.resolveSibling(base + ".md");
        Path chart = absolute.resolveSibling(base + ".png");
        try {
            Files.createDirectories(absolute.getParent());
            Files.writeString(absolute, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(r)) + "\n");
            LatencyChart.write(chart, "Orderflow latency distribution (%s, %d cores)".formatted(
                    r.startedAt().toString().substring(0, 16), r.machine().cores()), List.of(
                    new LatencyChart.Series("accept, %s req/s".formatted(num(r.fixed().offeredPerSecond())),
                            r.fixed().accept(), new Color(31, 119, 180)),
                    new LatencyChart.Series("POST -> CONFIRMED, %s orders/s".formatted(num(r.fixed().offeredPerSecond())),
                            r.fixed().e2e(), new Color(214, 39, 40)),
                    new LatencyChart.Series("accept, saturation", r.saturation().accept(), new Color(44, 160, 44)),
                    new LatencyChart.Series("POST -> CONFIRMED, saturation", r.saturation().e2e(), new Color(148, 103, 189))),
                    List.of(new LatencyChart.TargetLine("accept p99 target 25 ms", Targets.ACCEPT_P99_MAX_MS, new Color(31, 119, 180)),
                            new LatencyChart.TargetLine("POST -> CONFIRMED p99 target 250 ms", Targets.E2E_P99_MAX_MS,
                                    new Color(214, 39, 40))));
            Files.writeString(markdown, markdown(r, chart.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(String measure, String result, String floor, String ratio, String target) {
        return "| " + measure + " | " + result + " | " + floor + " | " + ratio + " | " + target + " |\n";
    }

    static double round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? value : Math.round(value * 100) / 100.0;
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String x(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value * 100);
    }
}
