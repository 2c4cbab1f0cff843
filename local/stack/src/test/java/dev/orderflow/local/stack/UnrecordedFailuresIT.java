package dev.orderflow.local.stack;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderflow.local.embedded.LocalSqs;
import dev.orderflow.local.states.StepFunctionsEngine;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.ExecutionStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An execution that ends without recording its order (here: persist-order crashes, so RecordFailed fails too)
 * leaves its input in the dead-letter queue; one that ends in the workflow's own Fail state, or succeeds, does not.
 */
class UnrecordedFailuresIT {

    private static LocalSqs sqs;
    private static LocalSqs.QueuePair queue;

    @BeforeAll
    static void start() {
        sqs = LocalSqs.start(0);
        queue = sqs.createQueueWithDeadLetterQueue("unrecorded", Duration.ofSeconds(30), 5);
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    private static String workflow() throws IOException {
        try (InputStream in = UnrecordedFailuresIT.class.getClassLoader().getResourceAsStream(LocalWorkflow.DEFINITION)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theOrderWorkflowsFailState_isTheOnlyRecordedFailure() throws IOException {
        assertThat(UnrecordedFailures.failStateErrors(workflow())).containsExactly("OrderFailed");
    }

    @Test
    void failedExecutions_thatRecordedNothing_leaveTheirInputInTheDeadLetterQueue() throws Exception {
        UnrecordedFailures rule = new UnrecordedFailures(sqs.client(), queue.deadLetterQueueUrl(), Set.of("OrderFailed"));
        try (StepFunctionsEngine engine = StepFunctionsEngine.builder().onExecutionClosed(rule).build()) {
            engine.registerFunction("crash", (RequestStreamHandler) (in, out, context) -> {
                throw new IllegalStateException("cannot record this order");
            });
            String crashing = engine.createStateMachine("crashing", """
                    {"StartAt": "Record", "States": {"Record": {"Type": "Task",
                      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:crash", "End": true}}}""");
            String recorded = engine.createStateMachine("recorded", """
                    {"StartAt": "OrderFailed", "States": {"OrderFailed": {"Type": "Fail", "Error": "OrderFailed"}}}""");
            String succeeded = engine.createStateMachine("succeeded", """
                    {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}""");

            Execution lost = engine.runExecution(crashing, "c-lost", "{\"orderId\": \"lost\"}", Duration.ofSeconds(30));
            Execution failed = engine.runExecution(recorded, "c-failed", "{\"orderId\": \"failed\"}", Duration.ofSeconds(30));
            Execution done = engine.runExecution(succeeded, "c-done", "{\"orderId\": \"done\"}", Duration.ofSeconds(30));

            assertThat(List.of(lost.status(), failed.status(), done.status()))
                    .containsExactly(ExecutionStatus.FAILED, ExecutionStatus.FAILED, ExecutionStatus.SUCCEEDED);
            assertThat(rule.leftUnrecorded(lost)).isTrue();
            assertThat(rule.leftUnrecorded(failed)).isFalse();
            assertThat(rule.leftUnrecorded(done)).isFalse();
            List<Message> deadLetters = awaitDeadLetters(1);
            assertThat(deadLetters).extracting(Message::body).containsExactly("{\"orderId\": \"lost\"}");
            assertThat(rule.deadLettered()).isEqualTo(1);
        }
    }

    private static List<Message> awaitDeadLetters(int count) {
        List<Message> received = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(10);
        while (received.size() < count && Instant.now().isBefore(deadline)) {
            received.addAll(sqs.client().receiveMessage(r -> r.queueUrl(queue.deadLetterQueueUrl())
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages());
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        // and nothing more arrives: the other two executions closed before the first message was read
        received.addAll(sqs.client().receiveMessage(r -> r.queueUrl(queue.deadLetterQueueUrl())
                .maxNumberOfMessages(10).waitTimeSeconds(1)).messages());
        return received;
    }
}
