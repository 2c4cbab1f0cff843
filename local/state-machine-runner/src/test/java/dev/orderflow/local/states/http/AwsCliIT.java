package dev.orderflow.local.states.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.StepFunctionsEngine;
import dev.orderflow.local.states.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The AWS CLI, unchanged, against the endpoint ({@code --endpoint-url}). Skipped where no {@code aws} is installed. */
class AwsCliIT {

    private static StepFunctionsEngine engine;
    private static URI endpoint;

    @BeforeAll
    static void start() {
        assumeTrue(awsCliInstalled(), "the AWS CLI (aws) is not on the PATH");
        engine = StepFunctionsEngine.builder().build();
        endpoint = engine.startHttpServer(0);
    }

    @AfterAll
    static void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private static boolean awsCliInstalled() {
        try {
            Process process = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Result(int exitCode, String out, String err) {
        JsonNode json() {
            return Json.parse(out);
        }
    }

    private static Result aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "stepfunctions"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpoint.toString(), "--region", "us-east-1", "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AWS_ACCESS_KEY_ID", "local");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        builder.environment().put("AWS_PAGER", "");
        builder.environment().remove("AWS_PROFILE");
        Path out = Files.createTempFile("aws-out", ".json");
        Path err = Files.createTempFile("aws-err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("aws %s finished", args[0]).isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void cli_createsAStateMachine_runsAnExecution_andReadsItsHistory() throws Exception {
        Result created = aws("create-state-machine", "--name", "cli-flow", "--role-arn", "arn:aws:iam::123456789012:role/x",
                "--definition", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": {\"ok\": true}, \"End\": true}}}");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String machine = created.json().get("stateMachineArn").asText();

        Result started = aws("start-execution", "--state-machine-arn", machine, "--name", "cli-run", "--input", "{\"a\": 1}");
        assertThat(started.exitCode()).as(started.err()).isZero();
        String execution = started.json().get("executionArn").asText();

        JsonNode described = awaitClosed(execution);
        Result history = aws("get-execution-history", "--execution-arn", execution);

        assertThat(described.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Json.parse(described.get("output").asText())).isEqualTo(Json.parse("{\"ok\": true}"));
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.json().get("events")).extracting(e -> e.get("type").asText())
                .containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
    }

    @Test
    void cli_showsServiceErrorsByName() throws Exception {
        Result missing = aws("describe-execution", "--execution-arn",
                "arn:aws:states:us-east-1:123456789012:execution:nothing:here");

        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("ExecutionDoesNotExist").contains("Execution Does Not Exist");
    }

    private static JsonNode awaitClosed(String execution) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            Result described = aws("describe-execution", "--execution-arn", execution);
            assertThat(described.exitCode()).as(described.err()).isZero();
            if (!described.json().get("status").asText().equals("RUNNING")) {
                return described.json();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(execution + " still running after 30 s");
            }
        }
    }
}
