package dev.orderflow.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetInputTransformerArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetRetryPolicyArgs;
import com.pulumi.aws.sqs.QueuePolicy;
import com.pulumi.aws.sqs.QueuePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Orders that the workflow could not record end in the dead-letter queue, not in silence. The workflow records
 * every failure it catches (RecordFailed, then its Fail state); but when RecordFailed itself fails (DynamoDB out
 * of reach for longer than its retries, an order persist-order cannot handle), the execution fails with the order
 * still PENDING, or never written, and its queue message long deleted. This rule on Step Functions' "Execution
 * Status Change" events sends the input of every such execution (FAILED with an error other than the Fail
 * states', TIMED_OUT or ABORTED) to the dead-letter queue, whose alarm then fires. The message is the execution's
 * input, which is the original queue message. Step Functions delivers these events for Standard workflows only,
 * on a best-effort basis; EventBridge retries delivery for 24 hours.
 */
final class UnrecordedExecutions extends ComponentResource {

    static final String EVENT_SOURCE = "aws.states";
    static final String DETAIL_TYPE = "Step Functions Execution Status Change";
    static final int MAXIMUM_EVENT_AGE_SECONDS = 24 * 3600;
    static final int MAXIMUM_RETRY_ATTEMPTS = 185;

    private final EventRule rule;

    UnrecordedExecutions(StackContext env, Workflow workflow, Queueing queueing, ComponentResourceOptions options) {
        super("orderflow:workflow:UnrecordedExecutions", "unrecorded-executions", options);
        var child = CustomResourceOptions.builder().parent(this).build();

        this.rule = new EventRule("unrecorded-executions", EventRuleArgs.builder()
                .description("Order workflow executions that ended without recording their order")
                .eventPattern(workflow.stateMachine().arn().applyValue(UnrecordedExecutions::eventPattern))
                .build(), child);

        new EventTarget("unrecorded-executions", EventTargetArgs.builder()
                .rule(rule.name())
                .arn(queueing.deadLetterQueue().arn())
                // The execution's input as it was given: the queue message itself.
                .inputTransformer(EventTargetInputTransformerArgs.builder()
                        .inputPaths(Map.of("input", "$.detail.input"))
                        .inputTemplate("<input>")
                        .build())
                .retryPolicy(EventTargetRetryPolicyArgs.builder()
                        .maximumEventAgeInSeconds(MAXIMUM_EVENT_AGE_SECONDS)
                        .maximumRetryAttempts(MAXIMUM_RETRY_ATTEMPTS)
                        .build())
                .build(), child);

        new QueuePolicy("orders-dlq", QueuePolicyArgs.builder()
                .queueUrl(queueing.deadLetterQueue().url())
                .policy(Output.tuple(queueing.deadLetterQueue().arn(), rule.arn())
                        .applyValue(arns -> queuePolicy(arns.t1, arns.t2)))
                .build(), child);

        registerOutputs(Map.of("ruleArn", rule.arn()));
    }

    /** The errors of the workflow's Fail states: an execution that ends with one of them has recorded its order. */
    static Set<String> recordedFailureErrors() {
        Set<String> errors = new TreeSet<>();
        for (JsonNode state : Contracts.readJson(Contracts.workflowTemplate()).path("States")) {
            if (state.path("Type").asText().equals("Fail") && state.path("Error").isTextual()) {
                errors.add(state.path("Error").asText());
            }
        }
        if (errors.isEmpty()) {
            throw new IllegalStateException(Contracts.WORKFLOW_RESOURCE + " has no Fail state with an Error");
        }
        return errors;
    }

    static String eventPattern(String stateMachineArn) {
        return Policy.write(Map.of(
                "source", List.of(EVENT_SOURCE),
                "detail-type", List.of(DETAIL_TYPE),
                "detail", Map.of(
                        "stateMachineArn", List.of(stateMachineArn),
                        "$or", List.of(
                                Map.of("status", List.of("TIMED_OUT", "ABORTED")),
                                Map.of("status", List.of("FAILED"),
                                        "error", List.of(Map.of("anything-but", List.copyOf(recordedFailureErrors()))))))));
    }

    /** Only this rule, through EventBridge, may send to the dead-letter queue (besides the redrive policy). */
    static String queuePolicy(String deadLetterQueueArn, String ruleArn) {
        return Policy.write(Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(Map.of(
                        "Sid", "UnrecordedExecutions",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "events.amazonaws.com"),
                        "Action", "sqs:SendMessage",
                        "Resource", deadLetterQueueArn,
                        "Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", ruleArn))))));
    }

    EventRule rule() {
        return rule;
    }
}
