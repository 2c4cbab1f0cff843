package dev.orderflow.infra.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksRequest;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResponse;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskRequest;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskResponse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Mockito at the SqsClient seam: the requests DlqRedrive sends, and what it reports. */
@ExtendWith(MockitoExtension.class)
class DlqRedriveTest {

    private static final String DLQ_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders-dlq";
    private static final String QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders";
    private static final String DLQ_ARN = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq";
    private static final String QUEUE_ARN = "arn:aws:sqs:eu-west-1:123456789012:orders";

    @Mock
    private SqsClient sqs;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<Duration> pauses = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private DlqRedrive redrive() {
        return new DlqRedrive(sqs, duration -> {
            pauses.add(duration);
            now = now.plus(duration);
        }, () -> now, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @Test
    void redrive_byQueueUrls_movesFromTheDlqToTheQueue_andReportsTheCount() {
        arns();
        when(sqs.startMessageMoveTask(any(StartMessageMoveTaskRequest.class))).thenReturn(started());
        when(sqs.listMessageMoveTasks(any(ListMessageMoveTasksRequest.class))).thenReturn(
                tasks(task("RUNNING", "handle-1", 1, 3)),
                tasks(task("RUNNING", "handle-1", 2, 3)),
                tasks(task("COMPLETED", null, 3, 3)));

        int exit = redrive().run(DlqRedrive.Options.parse("--dlq-url", DLQ_URL, "--queue-url", QUEUE_URL));

        assertThat(exit).isEqualTo(DlqRedrive.OK);
        StartMessageMoveTaskRequest start = startRequest();
        assertThat(start.sourceArn()).isEqualTo(DLQ_ARN);
        assertThat(start.destinationArn()).isEqualTo(QUEUE_ARN);
        assertThat(start.maxNumberOfMessagesPerSecond()).isNull();
        ListMessageMoveTasksRequest list = listRequest();
        assertThat(list.sourceArn()).isEqualTo(DLQ_ARN);
        assertThat(list.maxResults()).isEqualTo(1);
        assertThat(pauses).hasSize(2);
        assertThat(output()).contains("Moved 3 of 3 message(s) from " + DLQ_ARN + " to " + QUEUE_ARN + " (COMPLETED)");
    }

    @Test
    void redrive_byArn_withoutDestination_returnsMessagesToTheirSource_atTheGivenRate() {
        when(sqs.startMessageMoveTask(any(StartMessageMoveTaskRequest.class))).thenReturn(started());
        when(sqs.listMessageMoveTasks(any(ListMessageMoveTasksRequest.class))).thenReturn(tasks(task("COMPLETED", null, 0, 0)));

        int exit = redrive().run(DlqRedrive.Options.parse("--source-arn", DLQ_ARN, "--max-per-second", "50"));

        assertThat(exit).isEqualTo(DlqRedrive.OK);
        StartMessageMoveTaskRequest start = startRequest();
        assertThat(start.sourceArn()).isEqualTo(DLQ_ARN);
        assertThat(start.destinationArn()).isNull();
        assertThat(start.maxNumberOfMessagesPerSecond()).isEqualTo(50);
        verify(sqs, never()).getQueueAttributes(any(GetQueueAttributesRequest.class));
        assertThat(output()).contains("Moved 0 message(s)").contains("their source queues");
    }

    @Test
    void aFailedMove_reportsTheReason_andFails() {
        when(sqs.startMessageMoveTask(any(StartMessageMoveTaskRequest.class))).thenReturn(started());
        when(sqs.listMessageMoveTasks(any(ListMessageMoveTasksRequest.class))).thenReturn(tasks(ListMessageMoveTasksResultEntry.builder()
                .status("FAILED").approximateNumberOfMessagesMoved(1L).approximateNumberOfMessagesToMove(4L)
                .failureReason("AccessDenied").build()));

        int exit = redrive().run(DlqRedrive.Options.parse("--source-arn", DLQ_ARN, "--destination-arn", QUEUE_ARN));

        assertThat(exit).isEqualTo(DlqRedrive.MOVE_FAILED);
        assertThat(output()).contains("Moved 1 of 4").contains("FAILED").contains("AccessDenied");
    }

    @Test
    void aMoveStillRunningAtTheDeadline_timesOut() {
        when(sqs.startMessageMoveTask(any(StartMessageMoveTaskRequest.class))).thenReturn(started());
        when(sqs.listMessageMoveTasks(any(ListMessageMoveTasksRequest.class))).thenReturn(tasks(task("RUNNING", "handle-1", 1, 100)));

        int exit = redrive().run(DlqRedrive.Options.parse("--source-arn", DLQ_ARN, "--timeout-seconds", "10"));

        assertThat(exit).isEqualTo(DlqRedrive.TIMED_OUT);
        assertThat(pauses).hasSize(5);
        assertThat(output()).contains("Timed out after 10 s");
    }

    @Test
    void anSqsRefusal_isReported() {
        when(sqs.startMessageMoveTask(any(StartMessageMoveTaskRequest.class))).thenThrow(SqsException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorMessage("Source queue must be configured as a DLQ").build())
                .build());

        int exit = redrive().run(DlqRedrive.Options.parse("--source-arn", QUEUE_ARN));

        assertThat(exit).isEqualTo(DlqRedrive.MOVE_FAILED);
        assertThat(output()).contains("SQS refused: Source queue must be configured as a DLQ");
    }

    @Test
    void options_needExactlyOneSource_andAtMostOneDestination() {
        assertThatThrownBy(() -> DlqRedrive.Options.parse("--queue-url", QUEUE_URL)).hasMessageContaining("--dlq-url");
        assertThatThrownBy(() -> DlqRedrive.Options.parse("--dlq-url", DLQ_URL, "--source-arn", DLQ_ARN))
                .hasMessageContaining("one of them");
        assertThatThrownBy(() -> DlqRedrive.Options.parse("--dlq-url", DLQ_URL, "--queue-url", QUEUE_URL,
                "--destination-arn", QUEUE_ARN)).hasMessageContaining("once");
        assertThatThrownBy(() -> DlqRedrive.Options.parse("--dlq-url", DLQ_URL, "--colour", "blue"))
                .hasMessageContaining("--colour");
        var options = DlqRedrive.Options.parse("--dlq-url", DLQ_URL, "--endpoint-url", "http://127.0.0.1:9324",
                "--region", "eu-west-1");
        assertThat(options.endpointUrl()).hasValueSatisfying(uri -> assertThat(uri.getPort()).isEqualTo(9324));
        assertThat(options.region()).contains("eu-west-1");
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(15));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private void arns() {
        when(sqs.getQueueAttributes(any(GetQueueAttributesRequest.class))).thenAnswer(invocation -> {
            GetQueueAttributesRequest request = invocation.getArgument(0);
            assertThat(request.attributeNames()).containsExactly(QueueAttributeName.QUEUE_ARN);
            String arn = request.queueUrl().equals(DLQ_URL) ? DLQ_ARN : QUEUE_ARN;
            return GetQueueAttributesResponse.builder().attributes(Map.of(QueueAttributeName.QUEUE_ARN, arn)).build();
        });
    }

    private StartMessageMoveTaskRequest startRequest() {
        ArgumentCaptor<StartMessageMoveTaskRequest> request = ArgumentCaptor.forClass(StartMessageMoveTaskRequest.class);
        verify(sqs).startMessageMoveTask(request.capture());
        return request.getValue();
    }

    private ListMessageMoveTasksRequest listRequest() {
        ArgumentCaptor<ListMessageMoveTasksRequest> request = ArgumentCaptor.forClass(ListMessageMoveTasksRequest.class);
        verify(sqs, atLeastOnce()).listMessageMoveTasks(request.capture());
        return request.getValue();
    }

    private static StartMessageMoveTaskResponse started() {
        return StartMessageMoveTaskResponse.builder().taskHandle("handle-1").build();
    }

    private static ListMessageMoveTasksResponse tasks(ListMessageMoveTasksResultEntry... entries) {
        return ListMessageMoveTasksResponse.builder().results(entries).build();
    }

    private static ListMessageMoveTasksResultEntry task(String status, String handle, long moved, long toMove) {
        return ListMessageMoveTasksResultEntry.builder().status(status).taskHandle(handle)
                .approximateNumberOfMessagesMoved(moved).approximateNumberOfMessagesToMove(toMove).build();
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
