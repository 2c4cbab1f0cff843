package dev.orderflow.local.states.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.ExecutionStatus;
import dev.orderflow.local.states.json.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code states bench}: executions per second of the order workflow, with the real persist-order and
 * validate-order handlers in-process against DynamoDB Local, {@code --concurrency} executions in flight. In the
 * same run it measures the floor: the same three handler calls per order made directly, without the runner, so
 * the runner's own cost shows as the difference.
 */
final class BenchCommand {

    static final String USAGE = "states bench [--executions N] [--concurrency N] [--warmup N]";

    private static final Set<String> OPTIONS = Set.of("--executions", "--concurrency", "--warmup");
    /** The workflow and the floor take turns, so that neither profits alone from a JVM warmed up by the other. */
    private static final int ROUNDS = 4;

    private BenchCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        CommandLine line = CommandLine.parse(args, OPTIONS, Set.of());
        int executions = line.integer("--executions", 2000);
        int concurrency = line.integer("--concurrency", 16);
        int warmup = line.integer("--warmup", 300);
        quietHandlerLogs();
        err.println("orderflow states bench: starting DynamoDB Local and the order workflow...");
        try (OrderWorkflowFixture fixture = OrderWorkflowFixture.start()) {
            err.printf("warming up (%d executions)...%n", warmup);
            measure(warmup, concurrency, index -> execute(fixture));
            measure(warmup, concurrency, index -> direct(fixture));
            err.printf("measuring (%d executions, %d in flight, alternating with the floor in %d rounds)...%n",
                    executions, concurrency, ROUNDS);
            Result workflow = Result.NONE;
            Result floor = Result.NONE;
            for (int round = 0; round < ROUNDS; round++) {
                int size = executions / ROUNDS + (round < executions % ROUNDS ? 1 : 0);
                workflow = workflow.plus(measure(size, concurrency, index -> execute(fixture)));
                floor = floor.plus(measure(size, concurrency, index -> direct(fixture)));
            }
            ObjectNode report = Json.object();
            report.put("benchmark", "order workflow, in-process handlers, DynamoDB Local");
            report.put("executions", executions);
            report.put("concurrency", concurrency);
            report.set("workflow", workflow.toJson("executionsPerSecond"));
            report.set("floorDirectHandlerCalls", floor.toJson("ordersPerSecond"));
            out.println(Json.write(report));
            out.printf(Locale.ROOT, "order workflow: %.0f executions/s (p50 %.1f ms, p99 %.1f ms, %d failed); "
                            + "floor, the same handler calls without the runner: %.0f orders/s%n",
                    workflow.perSecond(), workflow.percentile(50), workflow.percentile(99), workflow.failures(),
                    floor.perSecond());
            return workflow.failures() == 0 ? 0 : 1;
        }
    }

    /** The handlers log each order at INFO: thousands of lines that would only slow the benchmark down. */
    private static void quietHandlerLogs() {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (Handler handler : root.getHandlers()) {
            handler.setLevel(Level.WARNING);
        }
    }

    /** One order through the workflow; true when it ends SUCCEEDED with the order CONFIRMED. */
    private static boolean execute(OrderWorkflowFixture fixture) {
        String orderId = "bench-" + UUID.randomUUID();
        Execution execution = fixture.engine().startExecution(fixture.stateMachineArn(), orderId,
                Json.write(OrderWorkflowFixture.orderChange(orderId)));
        Execution done = execution.completion().join();
        return done.status() == ExecutionStatus.SUCCEEDED
                && done.output().map(o -> o.path("outcome").asText()).orElse("").equals("CONFIRMED");
    }

    /** The same work without the runner: record, validate, confirm, as three direct handler calls. */
    private static boolean direct(OrderWorkflowFixture fixture) {
        String orderId = "floor-" + UUID.randomUUID();
        ObjectNode change = OrderWorkflowFixture.orderChange(orderId);
        ObjectNode record = Json.object();
        record.put("action", "RECORD");
        record.set("change", change);
        JsonNode recorded = call(fixture.persistHandler(), record);
        ObjectNode validation = Json.object();
        validation.put("orderId", orderId);
        validation.set("order", change.get("order"));
        JsonNode validated = call(fixture.validateHandler(), validation);
        ObjectNode confirm = Json.object();
        confirm.put("action", "CONFIRM");
        confirm.put("userId", change.get("userId").asText());
        confirm.put("orderId", orderId);
        confirm.set("version", recorded.get("version"));
        confirm.set("pricing", validated.get("pricing"));
        return call(fixture.persistHandler(), confirm).path("outcome").asText().equals("CONFIRMED");
    }

    private static JsonNode call(RequestStreamHandler handler, JsonNode input) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(Json.write(input).getBytes(StandardCharsets.UTF_8)), output, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Json.parse(output.toString(StandardCharsets.UTF_8));
    }

    private static Result measure(int count, int concurrency, IntFunction<Boolean> work) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>(count));
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<Void>> all = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            int index = i;
            CompletableFuture<Void> done = new CompletableFuture<>();
            all.add(done);
            Thread.ofVirtual().start(() -> {
                long began = System.nanoTime();
                try {
                    if (!work.apply(index)) {
                        failures.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                } finally {
                    latencies.add((System.nanoTime() - began) / 1e6);
                    inFlight.release();
                    done.complete(null);
                }
            });
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return new Result(count, (System.nanoTime() - start) / 1e9, List.copyOf(latencies), failures.get());
    }

    /** {@code count} runs in {@code seconds} of wall time, with each run's latency. */
    private record Result(int count, double seconds, List<Double> latenciesMillis, int failures) {

        static final Result NONE = new Result(0, 0, List.of(), 0);

        Result plus(Result other) {
            List<Double> all = new ArrayList<>(latenciesMillis);
            all.addAll(other.latenciesMillis);
            return new Result(count + other.count, seconds + other.seconds, all, failures + other.failures);
        }

        double perSecond() {
            return seconds == 0 ? 0 : count / seconds;
        }

        double percentile(int p) {
            if (latenciesMillis.isEmpty()) {
                return 0;
            }
            List<Double> sorted = new ArrayList<>(latenciesMillis);
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
        }

        ObjectNode toJson(String rateName) {
            ObjectNode json = Json.object();
            json.put(rateName, Math.round(perSecond() * 10) / 10.0);
            json.put("p50Millis", Math.round(percentile(50) * 100) / 100.0);
            json.put("p99Millis", Math.round(percentile(99) * 100) / 100.0);
            json.put("failed", failures);
            return json;
        }
    }
}
