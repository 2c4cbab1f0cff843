package dev.orderflow.poller;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.aws.stepfunctions.StepFunctionsWorkflowStarter;
import dev.orderflow.domain.ExecutionName;
import dev.orderflow.testing.LambdaEvents;
import dev.orderflow.workflow.Json;
import dev.orderflow.workflow.OrderChangeMessage;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class PollerHandlerTest {

    private static final String STATE_MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:orderflow-orders";

    private final SfnClient stepFunctions = mock(SfnClient.class);
    private final PollerHandler poller =
            new PollerHandler(new StepFunctionsWorkflowStarter(stepFunctions, STATE_MACHINE));

    /** Behaves as Step Functions does: a name used once is ExecutionAlreadyExists from then on. */
    private void stepFunctionsThatThrottles(String orderIdToThrottle) {
        Set<String> names = ConcurrentHashMap.newKeySet();
        when(stepFunctions.startExecution(any(StartExecutionRequest.class))).thenAnswer(call -> {
            StartExecutionRequest request = call.getArgument(0);
            if (request.input().contains(orderIdToThrottle)) {
                throw SfnException.builder().statusCode(400).message("Rate exceeded")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();
            }
            if (!names.add(request.name())) {
                throw ExecutionAlreadyExistsException.builder().statusCode(400).message("already exists").build();
            }
            return StartExecutionResponse.builder().executionArn(STATE_MACHINE + ":" + request.name()).build();
        });
    }

    @Test
    void handleRequest_batchWithOneMalformedOneThrottledOneDuplicate_reportsExactlyTwoFailures() {
        SQSEvent batch = LambdaEvents.load(SQSEvent.class, "events/sqs-batch-of-10.json");
        stepFunctionsThatThrottles("checkout-0010-throttled");

        SQSBatchResponse response = poller.handleRequest(batch, null);

        List<SQSEvent.SQSMessage> records = batch.getRecords();
        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactlyInAnyOrder(records.get(8).getMessageId(), records.get(9).getMessageId());

        ArgumentCaptor<StartExecutionRequest> started = ArgumentCaptor.forClass(StartExecutionRequest.class);
        verify(stepFunctions, times(9)).startExecution(started.capture());
        List<StartExecutionRequest> withoutThrottled = started.getAllValues().stream()
                .filter(r -> !r.input().contains("throttled")).toList();
        assertThat(withoutThrottled).hasSize(8).allSatisfy(request -> {
            assertThat(request.stateMachineArn()).isEqualTo(STATE_MACHINE);
            assertThat(request.name()).isEqualTo(ExecutionName.of(OrderChangeMessage.parse(request.input())));
        });
        // Records 1 and 8 are the same change delivered twice: one name, one execution, both successes.
        assertThat(withoutThrottled.stream().map(StartExecutionRequest::name).distinct()).hasSize(7);
    }

    @Test
    void handleRequest_startsEachExecutionWithTheMessageBodyAsInputAndADeterministicName() {
        SQSEvent batch = LambdaEvents.load(SQSEvent.class, "events/sqs-batch-of-10.json");
        SQSEvent.SQSMessage first = batch.getRecords().getFirst();
        batch.setRecords(List.of(first));
        stepFunctionsThatThrottles("nothing-is-throttled");

        assertThat(poller.handleRequest(batch, null).getBatchItemFailures()).isEmpty();

        ArgumentCaptor<StartExecutionRequest> started = ArgumentCaptor.forClass(StartExecutionRequest.class);
        verify(stepFunctions).startExecution(started.capture());
        assertThat(started.getValue().input()).isEqualTo(first.getBody());
        assertThat(started.getValue().name())
                .startsWith("c-checkout-0001-7f3a9c-")
                .hasSizeLessThanOrEqualTo(80)
                .matches("[A-Za-z0-9_-]+");
    }

    @Test
    void handleRequest_whenStepFunctionsIsDown_failsEveryRecordButNeverTheBatch() {
        SQSEvent batch = LambdaEvents.load(SQSEvent.class, "events/sqs-batch-of-10.json");
        when(stepFunctions.startExecution(any(StartExecutionRequest.class)))
                .thenThrow(SfnException.builder().statusCode(500).message("Internal failure").build());

        SQSBatchResponse response = poller.handleRequest(batch, null);

        assertThat(response.getBatchItemFailures()).hasSize(10);
    }

    @Test
    void handleRequest_malformedMessage_isNeverStarted() {
        SQSEvent batch = LambdaEvents.load(SQSEvent.class, "events/sqs-batch-of-10.json");
        batch.setRecords(List.of(batch.getRecords().get(8)));

        SQSBatchResponse response = poller.handleRequest(batch, null);

        assertThat(response.getBatchItemFailures()).hasSize(1);
        verify(stepFunctions, never()).startExecution(any(StartExecutionRequest.class));
    }

    @Test
    void streamHandler_asLambdaCallsIt_readsTheEventJson_andAnswersTheSameFailuresAsJson() throws IOException {
        stepFunctionsThatThrottles("checkout-0010-throttled");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        poller.handleRequest(new ByteArrayInputStream(LambdaEvents.text("events/sqs-batch-of-10.json")
                .getBytes(StandardCharsets.UTF_8)), out, null);

        JsonNode answer = Json.MAPPER.readTree(out.toByteArray());
        assertThat(answer.get("batchItemFailures")).hasSize(2);
        assertThat(answer.get("batchItemFailures").findValuesAsText("itemIdentifier"))
                .containsExactlyInAnyOrder("00000000-0000-0000-0000-000000abc009", "00000000-0000-0000-0000-000000abc00a");
        verify(stepFunctions, times(9)).startExecution(any(StartExecutionRequest.class));
    }

    @Test
    void handleRequest_emptyEvent_reportsNoFailures() {
        assertThat(poller.handleRequest(new SQSEvent(), null).getBatchItemFailures()).isEmpty();
    }
}
