package dev.orderflow.local.states.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.WorkflowTester;
import dev.orderflow.local.states.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./orderflow states run}: one JSON object out, exit 0 whenever the execution ran, 2 for bad input. */
class StatesCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int states(String... args) throws Exception {
        return StatesCommand.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode printed() {
        return Json.parse(out.toString(StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void run_printsStatusOutputAndTheHistory() throws Exception {
        Path definition = file("greet.asl.json", """
                {"StartAt": "Greet", "States": {"Greet": {"Type": "Pass",
                  "Parameters": {"greeting.$": "States.Format('Hello, {}', $.who)", "machine.$": "$$.StateMachine.Name"},
                  "End": true}}}""");

        int status = states("run", "--definition", definition.toString(), "--input", "{\"who\": \"Ada\"}", "--name", "first");

        assertThat(status).isZero();
        JsonNode result = printed();
        assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.get("output")).isEqualTo(Json.parse("{\"greeting\": \"Hello, Ada\", \"machine\": \"greet\"}"));
        assertThat(result.get("error").isNull()).isTrue();
        assertThat(result.get("cause").isNull()).isTrue();
        assertThat(result.get("history")).extracting(e -> e.get("type").asText())
                .containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        assertThat(result.get("history").get(0).get("executionStartedEventDetails").get("input").asText())
                .isEqualTo("{\"who\": \"Ada\"}");
    }

    @Test
    void run_ofAFailingExecution_stillExitsZeroWithTheError() throws Exception {
        Path definition = file("fail.asl.json", """
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Nope", "Cause": "as designed"}}}""");

        assertThat(states("run", "--definition", definition.toString(), "--input", "{}")).isZero();

        assertThat(printed().get("status").asText()).isEqualTo("FAILED");
        assertThat(printed().get("error").asText()).isEqualTo("Nope");
        assertThat(printed().get("cause").asText()).isEqualTo("as designed");
    }

    @Test
    void run_withAMockConfigAndVirtualTime_runsTheOrderWorkflowTestCase() throws Exception {
        Path definition = file("order-workflow.asl.json", WorkflowTester.resource("orderflow/statemachine/order-workflow.asl.json"));
        Path mocks = file("mocks.json", WorkflowTester.resource("workflows/order-workflow.mock.json"));

        int status = states("run", "--definition", definition.toString(), "--input",
                WorkflowTester.resource("workflows/order-change-create.json"), "--mock-config", mocks.toString(),
                "--test-case", "RetriesExhausted", "--virtual-time");

        assertThat(status).isZero();
        assertThat(printed().get("status").asText()).isEqualTo("FAILED");
        assertThat(printed().get("error").asText()).isEqualTo("OrderFailed");
    }

    @Test
    void run_ofAnInvalidDefinition_exitsNonZeroNamingTheProblem() throws Exception {
        Path definition = file("broken.asl.json", """
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Missing"}}}""");

        assertThat(states("run", "--definition", definition.toString(), "--input", "{}")).isEqualTo(2);

        assertThat(errors()).contains("InvalidDefinition").contains("Missing 'Next' target: Missing at /States/A/Next");
        assertThat(out.size()).isZero();
    }

    @Test
    void run_withInputThatIsNotJson_exitsNonZero() throws Exception {
        Path definition = file("pass.asl.json", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");

        assertThat(states("run", "--definition", definition.toString(), "--input", "{oops")).isEqualTo(2);

        assertThat(errors()).contains("InvalidExecutionInput");
    }

    @Test
    void run_withoutTheDefinition_orWithAnUnknownOption_printsUsage() throws Exception {
        assertThat(states("run", "--input", "{}")).isEqualTo(2);
        assertThat(states("run", "--definition", "x.json", "--input", "{}", "--verbose")).isEqualTo(2);
        assertThat(states("run", "--definition", dir.resolve("absent.asl.json").toString(), "--input", "{}")).isEqualTo(2);

        assertThat(errors()).contains("--definition is required").contains("unknown option '--verbose'")
                .contains("does not exist").contains("Usage: ./orderflow states run");
    }

    @Test
    void run_withAnUnknownTestCase_exitsNonZero() throws Exception {
        Path definition = file("order-workflow.asl.json", WorkflowTester.resource("orderflow/statemachine/order-workflow.asl.json"));
        Path mocks = file("mocks.json", WorkflowTester.resource("workflows/order-workflow.mock.json"));

        assertThat(states("run", "--definition", definition.toString(), "--input", "{}", "--mock-config", mocks.toString(),
                "--test-case", "NoSuchCase")).isEqualTo(2);

        assertThat(errors()).contains("no test case 'NoSuchCase'");
    }

    @Test
    void stateMachineName_defaultsToTheFileNameWithoutItsExtension() {
        assertThat(RunCommand.defaultName(Path.of("statemachine/order-workflow.asl.json"))).isEqualTo("order-workflow");
        assertThat(RunCommand.defaultName(Path.of("flow.json"))).isEqualTo("flow");
    }

    @Test
    void help_printsUsage() throws Exception {
        assertThat(states("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("states run --definition FILE --input JSON");
        assertThat(states("frobnicate")).isEqualTo(2);
    }
}
