package dev.orderflow.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.test.Mocks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.orderflow.infra.StackRun.input;
import static dev.orderflow.infra.StackRun.json;
import static dev.orderflow.infra.StackRun.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule that sends the input of every execution which could not record its order to the dead-letter queue,
 * and only that: executions ending in the workflow's own Fail state have recorded their order as FAILED.
 */
class UnrecordedExecutionsTest {

    private static final String STATE_MACHINE_ARN = "arn:aws:states:eu-west-1:123456789012:stateMachine:workflow-mock";
    private static final String DLQ_ARN = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq-mock";

    private final StackRun stack = StackRun.standard();

    @Test
    void recordedFailures_areTheWorkflowsFailStateErrors() {
        assertThat(UnrecordedExecutions.recordedFailureErrors()).containsExactly("OrderFailed");
    }

    @Test
    void rule_matchesThisStateMachinesExecutions_thatTimedOutWereAborted_orFailedWithoutRecording() {
        JsonNode pattern = json(stack.one("aws:cloudwatch/eventRule:EventRule", "unrecorded-executions"), "eventPattern");

        assertThat(pattern.path("source").toString()).isEqualTo("[\"aws.states\"]");
        assertThat(pattern.path("detail-type").toString()).isEqualTo("[\"Step Functions Execution Status Change\"]");
        JsonNode detail = pattern.path("detail");
        assertThat(detail.path("stateMachineArn").toString()).isEqualTo("[\"" + STATE_MACHINE_ARN + "\"]");
        assertThat(detail.path("$or")).hasSize(2);
        assertThat(detail.path("$or").get(0).path("status").toString()).isEqualTo("[\"TIMED_OUT\",\"ABORTED\"]");
        JsonNode failed = detail.path("$or").get(1);
        assertThat(failed.path("status").toString()).isEqualTo("[\"FAILED\"]");
        assertThat(failed.path("error").toString()).isEqualTo("[{\"anything-but\":[\"OrderFailed\"]}]");
    }

    @Test
    void target_isTheDeadLetterQueue_withTheExecutionInputAsTheMessage_retriedForADay() {
        Mocks.ResourceArgs target = stack.one("aws:cloudwatch/eventTarget:EventTarget", "unrecorded-executions");

        assertThat(string(target, "arn")).isEqualTo(DLQ_ARN);
        assertThat(input(target, "inputTransformer", "inputPaths", "input")).isEqualTo("$.detail.input");
        assertThat(input(target, "inputTransformer", "inputTemplate")).isEqualTo("<input>");
        assertThat(input(target, "retryPolicy", "maximumEventAgeInSeconds")).isEqualTo(86_400.0);
        assertThat(input(target, "retryPolicy", "maximumRetryAttempts")).isEqualTo(185.0);
    }

    @Test
    void deadLetterQueuePolicy_letsOnlyThisRuleSend_andNothingElse() {
        JsonNode statements = json(stack.one("aws:sqs/queuePolicy:QueuePolicy", "orders-dlq"), "policy").path("Statement");

        assertThat(statements).hasSize(1);
        JsonNode statement = statements.get(0);
        assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("events.amazonaws.com");
        assertThat(statement.path("Action").asText()).isEqualTo("sqs:SendMessage");
        assertThat(statement.path("Resource").asText()).isEqualTo(DLQ_ARN);
        assertThat(statement.path("Condition").path("ArnEquals").path("aws:SourceArn").asText())
                .contains("unrecorded-executions");
    }

    @Test
    void everyPart_belongsToItsComponent() {
        assertThat(stack.urns.stream().filter(urn -> urn.contains("unrecorded-executions")).toList())
                .isNotEmpty()
                .allSatisfy(urn -> assertThat(urn).contains("orderflow:workflow:UnrecordedExecutions"));
        assertThat(List.of("aws:cloudwatch/eventRule:EventRule", "aws:cloudwatch/eventTarget:EventTarget",
                "aws:sqs/queuePolicy:QueuePolicy")).allSatisfy(type -> assertThat(stack.ofType(type)).hasSize(1));
    }
}
