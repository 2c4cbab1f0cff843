package dev.orderflow.local.states.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.StepFunctionsEngine;
import dev.orderflow.local.states.api.ServiceException;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.HistoryEvent;
import dev.orderflow.local.states.json.Json;
import dev.orderflow.local.states.mock.MockConfig;
import dev.orderflow.local.states.time.StatesClock;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code states run}: creates the state machine from a definition file, runs one execution to its end, and prints
 * {@code {"status", "output", "error", "cause", "history"}}. Exit status 0 whenever the execution ran, whatever
 * its status; 2 for a definition, input or option that is not valid.
 */
final class RunCommand {

    static final String USAGE = "states run --definition FILE --input JSON [--mock-config FILE --test-case NAME]"
            + " [--state-machine-name NAME] [--name EXECUTION_NAME] [--virtual-time]";

    private static final Set<String> OPTIONS = Set.of("--definition", "--input", "--mock-config", "--test-case",
            "--state-machine-name", "--name");
    private static final Set<String> FLAGS = Set.of("--virtual-time");

    private RunCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        CommandLine line = CommandLine.parse(args, OPTIONS, FLAGS);
        Path definitionFile = Path.of(line.required("--definition"));
        String input = line.required("--input");
        if (line.option("--mock-config").isPresent() != line.option("--test-case").isPresent()) {
            throw new CommandLine.UsageException("--mock-config and --test-case go together");
        }
        String definition = read(definitionFile, "definition");
        StepFunctionsEngine.Builder builder = StepFunctionsEngine.builder()
                .clock(line.flag("--virtual-time") ? StatesClock.virtual() : StatesClock.system());
        if (line.option("--mock-config").isPresent()) {
            try {
                builder.mockConfig(MockConfig.parse(read(Path.of(line.required("--mock-config")), "mock config")));
            } catch (IllegalArgumentException e) {
                err.println("orderflow states: " + e.getMessage());
                return 2;
            }
        }
        String stateMachineName = line.option("--state-machine-name").orElseGet(() -> defaultName(definitionFile));
        try (StepFunctionsEngine engine = builder.build()) {
            String arn = engine.createStateMachine(stateMachineName, definition);
            String target = line.option("--test-case").map(testCase -> arn + "#" + testCase).orElse(arn);
            Execution execution = engine.startExecution(target, line.option("--name").orElse(null), input);
            execution.completion().join();
            out.println(Json.write(report(execution)));
            return 0;
        } catch (ServiceException e) {
            err.println("orderflow states: " + e.type() + ": " + e.getMessage());
            return 2;
        }
    }

    /** The result object: status, output (as JSON), error, cause, and the history as GetExecutionHistory's events. */
    static ObjectNode report(Execution execution) {
        ObjectNode report = Json.object();
        report.put("status", execution.status().name());
        report.set("output", execution.output().orElse(Json.NODES.nullNode()));
        report.set("error", Json.text(execution.error().orElse(null)));
        report.set("cause", Json.text(execution.cause().orElse(null)));
        ArrayNode history = report.putArray("history");
        for (HistoryEvent event : execution.history().events()) {
            history.add(event.toJson());
        }
        return report;
    }

    /** {@code order-workflow.asl.json} → {@code order-workflow}. */
    static String defaultName(Path definitionFile) {
        String file = definitionFile.getFileName().toString();
        for (String suffix : List.of(".asl.json", ".json")) {
            if (file.endsWith(suffix)) {
                return file.substring(0, file.length() - suffix.length());
            }
        }
        return file;
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CommandLine.UsageException("the " + what + " file " + file + " does not exist");
        } catch (IOException e) {
            throw new CommandLine.UsageException("cannot read the " + what + " file " + file + ": " + e.getMessage());
        }
    }
}
