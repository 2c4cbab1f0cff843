package dev.orderflow.infra;

import com.pulumi.aws.lambda.EventSourceMapping;
import com.pulumi.aws.lambda.EventSourceMappingArgs;
import com.pulumi.aws.lambda.inputs.EventSourceMappingScalingConfigArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.aws.sqs.RedriveAllowPolicy;
import com.pulumi.aws.sqs.RedriveAllowPolicyArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * The orders queue, its dead-letter queue, and the poller that drains it into the workflow: an event source
 * mapping with batches, a short batching window, per-message failure reports and a concurrency cap. The queue's
 * visibility timeout is six times the poller's timeout plus the batching window, as Lambda asks, so a batch still
 * in flight never becomes visible again.
 */
final class Queueing extends ComponentResource {

    static final int POLLER_TIMEOUT_SECONDS = 30;
    /** Receives before a message goes to the dead-letter queue. */
    static final int MAX_RECEIVE_COUNT = 5;
    static final int QUEUE_RETENTION_SECONDS = 4 * 24 * 3600;
    /** The longest SQS keeps a message: the time an operator has to redrive. */
    static final int DLQ_RETENTION_SECONDS = 14 * 24 * 3600;

    private final Queue queue;
    private final Queue deadLetterQueue;
    private final LambdaFunction poller;

    Queueing(StackContext env, Workflow workflow, ComponentResourceOptions options) {
        super("orderflow:queueing:Queueing", "queueing", options);
        var child = CustomResourceOptions.builder().parent(this).build();
        StackConfig config = env.config();

        this.deadLetterQueue = new Queue("orders-dlq", QueueArgs.builder()
                .sqsManagedSseEnabled(true)
                .messageRetentionSeconds(DLQ_RETENTION_SECONDS)
                .build(), child);

        this.queue = new Queue("orders", QueueArgs.builder()
                .sqsManagedSseEnabled(true)
                .messageRetentionSeconds(QUEUE_RETENTION_SECONDS)
                .visibilityTimeoutSeconds(visibilityTimeoutSeconds(config))
                .redrivePolicy(deadLetterQueue.arn().applyValue(dlq -> Policy.write(Map.of(
                        "deadLetterTargetArn", dlq,
                        "maxReceiveCount", MAX_RECEIVE_COUNT))))
                .build(), child);

        // Only the orders queue may use the dead-letter queue (and so be the target of a redrive from it).
        new RedriveAllowPolicy("orders-dlq", RedriveAllowPolicyArgs.builder()
                .queueUrl(deadLetterQueue.url())
                .redriveAllowPolicy(queue.arn().applyValue(source -> Policy.write(Map.of(
                        "redrivePermission", "byQueue",
                        "sourceQueueArns", List.of(source)))))
                .build(), child);

        this.poller = new LambdaFunction("poller", new LambdaFunction.Spec(
                new LambdaFunction.Code.Zip(env.config().repositoryRoot().resolve(FunctionJars.POLLER.path()),
                        FunctionEnvironment.POLLER_HANDLER),
                workflow.stateMachine().arn().applyValue(FunctionEnvironment::poller),
                List.of(
                        Policy.allow(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
                                "sqs:ChangeMessageVisibility"), queue.arn()),
                        Policy.allow(List.of("states:StartExecution"), workflow.stateMachine().arn())),
                config.functionMemoryMb(), POLLER_TIMEOUT_SECONDS), env,
                ComponentResourceOptions.builder().parent(this).build());

        new EventSourceMapping("poller", EventSourceMappingArgs.builder()
                .eventSourceArn(queue.arn())
                .functionName(poller.invokeArn())
                .batchSize(config.pollerBatchSize())
                .maximumBatchingWindowInSeconds(config.pollerBatchWindowSeconds())
                .functionResponseTypes("ReportBatchItemFailures")
                .scalingConfig(EventSourceMappingScalingConfigArgs.builder()
                        .maximumConcurrency(config.pollerMaxConcurrency())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(poller).build());

        registerOutputs(Map.of("queueUrl", queue.url(), "deadLetterQueueUrl", deadLetterQueue.url()));
    }

    static int visibilityTimeoutSeconds(StackConfig config) {
        return 6 * POLLER_TIMEOUT_SECONDS + config.pollerBatchWindowSeconds();
    }

    Queue queue() {
        return queue;
    }

    Queue deadLetterQueue() {
        return deadLetterQueue;
    }

    LambdaFunction poller() {
        return poller;
    }
}
