package dev.orderflow.local.states.api;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderflow.local.states.WorkflowTester;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.ExecutionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** StartExecution's rules: idempotency of Standard workflows, names, inputs, and starting without blocking. */
class StartExecutionTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final WorkflowTester tester = WorkflowTester.create().function("blocking", (RequestStreamHandler) (in, out, context) -> {
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.write("{}".getBytes());
    });
    private final StepFunctionsService service = tester.engine().service();
    private final String blockingMachine = tester.stateMachine("""
            {"StartAt": "T", "States": {"T": {"Type": "Task",
              "Resource": "arn:aws:lambda:us-east-1:123456789012:function:blocking", "End": true}}}""");

    @AfterEach
    void close() {
        release.countDown();
        tester.close();
    }

    private Execution start(String name, String input) {
        return service.startExecution(blockingMachine, Optional.of(name), Optional.of(input));
    }

    private static ServiceException refused(Runnable call) {
        return catchThrowableOfType(ServiceException.class, call::run);
    }

    @Test
    void startExecution_returnsAtOnce_whileTheExecutionRuns() {
        Execution execution = start("running", "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
        release.countDown();
        assertThat(execution.completion().join().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void sameNameAndInput_whileRunning_isTheSameExecution() {
        Execution first = start("order-1", "{\"a\": 1}");

        Execution again = start("order-1", "{\"a\": 1}");

        assertThat(again).isSameAs(first);
        assertThat(again.startDate()).isEqualTo(first.startDate());
    }

    @Test
    void sameNameWithAnotherInput_isExecutionAlreadyExists() {
        Execution first = start("order-1", "{\"a\": 1}");

        ServiceException e = refused(() -> start("order-1", "{\"a\": 2}"));

        assertThat(e.type()).isEqualTo("ExecutionAlreadyExists");
        assertThat(e.getMessage()).isEqualTo("Execution Already Exists: '" + first.arn() + "'");
    }

    @Test
    void sameNameAndInput_afterTheExecutionClosed_isExecutionAlreadyExists() {
        Execution first = start("order-1", "{}");
        release.countDown();
        first.completion().join();

        assertThat(refused(() -> start("order-1", "{}")).type()).isEqualTo("ExecutionAlreadyExists");
    }

    @Test
    void expressWorkflows_areNotIdempotent() {
        String express = service.createStateMachine("express", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", "
                + "\"End\": true}}}", Optional.empty(), StateMachineType.EXPRESS).arn();

        Execution first = service.startExecution(express, Optional.of("same"), Optional.of("{}"));
        Execution second = service.startExecution(express, Optional.of("same"), Optional.of("{}"));

        assertThat(second.arn()).isNotEqualTo(first.arn()).contains(":express:express:same:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "a<b", "a>b", "a{b", "a}b", "a[b", "a]b", "a?b", "a*b", "a\"b", "a#b", "a%b",
            "a\\b", "a^b", "a|b", "a~b", "a`b", "a$b", "a&b", "a,b", "a;b", "a:b", "a/b", "a\u0000b", "a\u001fb", "a\u007fb",
            "a\u009fb", ""})
    void namesWithForbiddenCharacters_areInvalidName(String name) {
        ServiceException e = refused(() -> start(name, "{}"));

        assertThat(e.type()).isEqualTo("InvalidName");
        assertThat(e.getMessage()).isEqualTo("Invalid Name: '" + name + "'");
    }

    @Test
    void namesOfEightyCharactersAreFine_eightyOneAreNot() {
        assertThat(start("n".repeat(80), "{}").name()).hasSize(80);
        assertThat(refused(() -> start("n".repeat(81), "{}")).type()).isEqualTo("InvalidName");
    }

    @Test
    void generatedName_isAUuid() {
        Execution execution = service.startExecution(blockingMachine, Optional.empty(), Optional.empty());

        assertThat(execution.name()).matches("[0-9a-f-]{36}");
        assertThat(execution.inputText()).isEqualTo("{}");
    }

    @Test
    void inputThatIsNotJson_isInvalidExecutionInput() {
        ServiceException e = refused(() -> start("bad-input", "not json"));

        assertThat(e.type()).isEqualTo("InvalidExecutionInput");
        assertThat(e.getMessage()).startsWith("Invalid State Machine Execution Input: 'Unrecognized token 'not'");
        assertThat(refused(() -> start("empty-input", "")).getMessage())
                .isEqualTo("Invalid State Machine Execution Input: 'Invalid execution input.'");
    }

    @Test
    void scalarInputs_areValidJson() {
        assertThat(start("number", "1").input().asInt()).isEqualTo(1);
        assertThat(start("null", "null").input().isNull()).isTrue();
    }

    @Test
    void unknownStateMachine_isStateMachineDoesNotExist() {
        ServiceException e = refused(() -> service.startExecution(blockingMachine + "x", Optional.empty(), Optional.empty()));

        assertThat(e.type()).isEqualTo("StateMachineDoesNotExist");
        assertThat(e.getMessage()).isEqualTo("State Machine Does Not Exist: '" + blockingMachine + "x'");
    }

    @Test
    void malformedArn_isInvalidArn() {
        assertThat(refused(() -> service.startExecution("not-an-arn", Optional.empty(), Optional.empty())).getMessage())
                .isEqualTo("Invalid Arn: 'Invalid ARN prefix: not-an-arn'");
        assertThat(refused(() -> service.describeExecution("arn:aws:states:us-east-1:123456789012:activity:x")).type())
                .isEqualTo("InvalidArn");
    }

    @Test
    void testCaseWithoutAMockConfig_isRefused() {
        assertThat(refused(() -> service.startExecution(blockingMachine + "#HappyPath", Optional.empty(), Optional.empty()))
                .getMessage()).contains("no mock config is loaded");
    }

    @Test
    void stopExecution_abortsItAndRecordsTheErrorAndCause() {
        Execution execution = start("to-stop", "{}");

        Execution stopped = service.stopExecution(execution.arn(), Optional.of("Cancelled"), Optional.of("by the user"));

        assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(stopped.error()).contains("Cancelled");
        assertThat(stopped.cause()).contains("by the user");
        assertThat(stopped.stopDate()).isPresent();
    }

    @Test
    void createStateMachine_isIdempotentForTheSameDefinition_andRefusesAnother() {
        String definition = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";
        StateMachine first = service.createStateMachine("twice", definition, Optional.empty(), StateMachineType.STANDARD);

        assertThat(service.createStateMachine("twice", definition, Optional.empty(), StateMachineType.STANDARD))
                .isEqualTo(first);
        ServiceException e = refused(() -> service.createStateMachine("twice", definition.replace("Pass", "Succeed")
                .replace(", \"End\": true", ""), Optional.empty(), StateMachineType.STANDARD));
        assertThat(e.type()).isEqualTo("StateMachineAlreadyExists");
    }

    @Test
    void oldestClosedExecutions_areForgottenBeyondTheRetentionLimit() throws Exception {
        try (WorkflowTester small = new WorkflowTester.Small(2).tester()) {
            String arn = small.stateMachine("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
            Execution first = small.engine().runExecution(arn, "first", "{}", Duration.ofSeconds(5));
            small.engine().runExecution(arn, "second", "{}", Duration.ofSeconds(5));
            small.engine().runExecution(arn, "third", "{}", Duration.ofSeconds(5));

            assertThat(refused(() -> small.engine().describeExecution(first.arn())).type()).isEqualTo("ExecutionDoesNotExist");
            assertThat(small.engine().service().listExecutions(arn, Optional.empty())).extracting(Execution::name)
                    .containsExactlyInAnyOrder("second", "third");
        }
    }
}
