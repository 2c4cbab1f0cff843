package dev.orderflow.local.states.cli;

import dev.orderflow.local.states.StepFunctionsEngine;
import dev.orderflow.local.states.mock.MockConfig;
import dev.orderflow.local.states.time.StatesClock;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code states serve}: the Step Functions endpoint on 127.0.0.1 until interrupted, for the AWS CLI
 * ({@code aws stepfunctions ... --endpoint-url}) or an SDK client. No functions are registered: Task states
 * need a mock config test case ({@code <arn>#<TestCase>}).
 */
final class ServeCommand {

    static final String USAGE = "states serve [--port N] [--mock-config FILE] [--virtual-time]";

    private static final Set<String> OPTIONS = Set.of("--port", "--mock-config");
    private static final Set<String> FLAGS = Set.of("--virtual-time");

    private ServeCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        CommandLine line = CommandLine.parse(args, OPTIONS, FLAGS);
        StepFunctionsEngine.Builder builder = StepFunctionsEngine.builder()
                .clock(line.flag("--virtual-time") ? StatesClock.virtual() : StatesClock.system());
        if (line.option("--mock-config").isPresent()) {
            Path file = Path.of(line.required("--mock-config"));
            try {
                builder.mockConfig(MockConfig.parse(Files.readString(file)));
            } catch (IOException | IllegalArgumentException e) {
                err.println("orderflow states: cannot use the mock config " + file + ": " + e.getMessage());
                return 2;
            }
        }
        int port = line.option("--port").map(value -> line.integer("--port", 0)).orElse(0);
        CountDownLatch stopped = new CountDownLatch(1);
        try (StepFunctionsEngine engine = builder.build()) {
            URI endpoint = engine.startHttpServer(port);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(stopped::countDown));
            out.println("Step Functions endpoint: " + endpoint);
            out.println("  aws stepfunctions list-state-machines --endpoint-url " + endpoint + " --region "
                    + StepFunctionsEngine.DEFAULT_REGION);
            out.flush();
            stopped.await();
        }
        return 0;
    }
}
