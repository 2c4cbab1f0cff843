package dev.orderflow.bench;

import dev.orderflow.aws.AwsSettings;
import dev.orderflow.config.Settings;
import dev.orderflow.local.stack.Endpoints;
import dev.orderflow.local.stack.LocalStack;
import dev.orderflow.local.stack.LocalStackOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One benchmark run: starts the local stack, then warm-up, cold starts, floors, the fixed-load phase and the
 * saturation phase, and the artifact sizes, all against the same stack in the same JVM.
 */
final class Bench {

    /** Everything one run measured. */
    record Result(Instant startedAt, double seconds, BenchOptions options, Machine machine,
                  List<ColdStarts.Result> coldStarts, Map<String, Double> warmInvocationMs, Floors.Rate putItems,
                  Floors.Rate queue, LoadPhase acceptAlone, LoadPhase fixed, LoadPhase saturation,
                  List<Artifact> artifacts) {

        ColdStarts.Result floor() {
            return coldStarts.stream().filter(r -> r.function().equals(ColdStarts.FLOOR)).findFirst().orElseThrow();
        }

        List<ColdStarts.Result> functions() {
            return coldStarts.stream().filter(r -> !r.function().equals(ColdStarts.FLOOR)).toList();
        }
    }

    /** A function's deployable artifact: the shaded jar (the zip, or what the image copies), and an image's AOT cache. */
    record Artifact(String function, String packaging, long bytes, long aotCacheBytes) {
    }

    /** Where it ran: the figures only compare within one run, on one machine. */
    record Machine(int cores, String os, String jvm, double loadAverageAtStart) {
        static Machine current() {
            var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    System.getProperty("java.vm.name") + " " + Runtime.version(), os.getSystemLoadAverage());
        }
    }

    private final BenchOptions options;
    private final Consumer<String> progress;

    Bench(BenchOptions options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    Result run() {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Machine machine = Machine.current();
        Path workDir = options.report().toAbsolutePath().getParent().resolve("work");
        String tag = Long.toString(System.currentTimeMillis(), 36);
        progress.accept("starting the local stack ...");
        try (LocalStack stack = LocalStack.start(LocalStackOptions.ephemeral());
             OrdersApi api = OrdersApi.signedIn(stack.endpoints(), LocalStack.CLIENTS.getFirst())) {
            Endpoints endpoints = stack.endpoints();
            progress.accept("stack: API " + endpoints.apiUrl() + ", tokens " + endpoints.tokenUrl() + ", Step Functions "
                    + endpoints.stepFunctionsEndpoint() + ", DynamoDB " + endpoints.dynamodbEndpoint() + ", SQS "
                    + endpoints.sqsEndpoint());
            Map<String, String> environment = functionEnvironment(endpoints);
            Confirmations confirmations = new Confirmations(stack.dynamoDb().client(), LocalStack.ORDERS_TABLE,
                    api.userId());

            progress.accept("warming up (orders at " + (int) options.fixedRatePerSecond() + "/s) ...");
            LoadPhase.openLoop("warm-up", api, confirmations, "w-" + tag + "-", options.fixedRatePerSecond(),
                    options.fixedDuration().dividedBy(3), options.drainTimeout());

            progress.accept("cold starts (" + options.coldStartRuns() + " runs each, AOT caches trained first) ...");
            ColdStarts coldStarts = new ColdStarts(options.repository(), workDir, environment);
            List<ColdStarts.Result> starts = coldStarts.measure(FunctionUnderTest.ALL, options.coldStartRuns());
            Map<String, Double> warm = coldStarts.warmInvocationMs(options.warmInvocations());

            progress.accept("floors: DynamoDB Local PutItem, ElasticMQ send+receive+delete ...");
            AwsSettings aws = AwsSettings.from(Settings.of(environment));
            Floors.Rate putItems = Floors.putItems(aws, LocalStack.ORDERS_TABLE, options.floorConcurrency(),
                    options.floorDuration());
            Floors.Rate queue = Floors.queueRoundTrips(endpoints.sqsEndpoint(), LocalStack.REGION,
                    options.floorConcurrency(), 2, options.floorDuration());

            progress.accept("accept path alone: " + (int) options.fixedRatePerSecond() + " POST/s with the poller paused"
                    + " (the queue holds them; the pipeline takes them afterwards) ...");
            stack.poller().stop();
            LoadPhase acceptAlone;
            try {
                acceptAlone = LoadPhase.openLoop("accept-alone", api, confirmations, "a-" + tag + "-",
                        options.fixedRatePerSecond(), options.fixedDuration().dividedBy(2), options.drainTimeout(),
                        stack.poller()::start);
            } finally {
                stack.poller().start();
            }

            progress.accept("fixed load: " + (int) options.fixedRatePerSecond() + " orders/s for "
                    + options.fixedDuration().toSeconds() + " s ...");
            LoadPhase fixed = LoadPhase.openLoop("fixed", api, confirmations, "f-" + tag + "-",
                    options.fixedRatePerSecond(), options.fixedDuration(), options.drainTimeout());

            progress.accept("saturation: " + options.saturationConcurrency() + " clients for "
                    + options.saturationDuration().toSeconds() + " s (at most " + options.saturationMaxOrders()
                    + " orders) ...");
            LoadPhase saturation = LoadPhase.saturation("saturation", api, confirmations, "s-" + tag + "-",
                    options.saturationConcurrency(), options.saturationDuration(), options.saturationMaxOrders(),
                    options.drainTimeout());

            List<Artifact> artifacts = artifacts(workDir);
            return new Result(startedAt, (System.nanoTime() - start) / 1e9, options, machine, starts, warm, putItems,
                    queue, acceptAlone, fixed, saturation, artifacts);
        }
    }

    /** What each function is given in Lambda, pointed at this stack (its names, endpoints and dummy keys). */
    private static Map<String, String> functionEnvironment(Endpoints endpoints) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_REGION", LocalStack.REGION);
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamodbEndpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SFN", endpoints.stepFunctionsEndpoint().toString());
        environment.put("ORDERS_TABLE", LocalStack.ORDERS_TABLE);
        environment.put("CATALOG_TABLE", LocalStack.CATALOG_TABLE);
        environment.put("STATE_MACHINE_ARN", endpoints.stateMachineArn());
        environment.put("PAGE_TOKEN_KEY", Base64.getEncoder().encodeToString(key));
        return environment;
    }

    private List<Artifact> artifacts(Path workDir) {
        List<Artifact> artifacts = new ArrayList<>();
        for (FunctionUnderTest function : FunctionUnderTest.ALL) {
            try {
                Path measured = workDir.resolve(function.name()).resolve("function-under-test.jar"); // this run's copy
                long bytes = Files.size(Files.exists(measured) ? measured : function.jar(options.repository()));
                Path aot = workDir.resolve(function.name()).resolve("task-root").resolve("function.aot");
                long aotBytes = function.packaging() == FunctionUnderTest.Packaging.IMAGE && Files.exists(aot)
                        ? Files.size(aot) : 0;
                artifacts.add(new Artifact(function.name(), function.packaging().name().toLowerCase(java.util.Locale.ROOT),
                        bytes, aotBytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return artifacts;
    }
}
