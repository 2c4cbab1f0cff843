package dev.orderflow.poller;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.aws.AwsClients;
import dev.orderflow.aws.stepfunctions.StepFunctionsWorkflowStarter;
import dev.orderflow.config.Settings;
import dev.orderflow.domain.ExecutionName;
import dev.orderflow.domain.OrderChange;
import dev.orderflow.logging.JsonLogging;
import dev.orderflow.ports.WorkflowStarter;
import dev.orderflow.workflow.Json;
import dev.orderflow.workflow.MalformedMessageException;
import dev.orderflow.workflow.OrderChangeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.orderflow.logging.LogField.field;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * SQS event source -> Step Functions: one execution per queued change, named deterministically (see
 * {@link ExecutionName}), with the message body as its input. The records of a batch start concurrently; each
 * one that fails (malformed, throttled, anything) is reported in {@code batchItemFailures} and only that one
 * comes back after the visibility timeout, reaching the DLQ after maxReceiveCount. A batch never fails whole.
 * <p>
 * Lambda calls the stream method (the runtime prefers it): it reads the two fields it needs from the event with the
 * JSON parser the function already has, so the runtime's reflective event serializers, which cost hundreds of
 * milliseconds on a cold start and need Joda-Time, are never built. The typed method serves the local stack's event
 * source and the tests; both run the same code.
 */
public final class PollerHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, RequestStreamHandler {

    private static final System.Logger LOG = System.getLogger(PollerHandler.class.getName());

    private final WorkflowStarter workflow;

    /** The constructor Lambda calls: configuration from the environment. */
    public PollerHandler() {
        JsonLogging.install();
        this(Settings.fromEnvironment());
    }

    /** Real dependencies from the given configuration (the local stack passes its endpoints here). */
    public PollerHandler(Settings settings) {
        this(starter(PollerConfig.from(settings)));
    }

    PollerHandler(WorkflowStarter workflow) {
        this.workflow = workflow;
    }

    private static WorkflowStarter starter(PollerConfig config) {
        return new StepFunctionsWorkflowStarter(AwsClients.stepFunctions(config.aws()), config.stateMachineArn());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        try (ExecutorService perRecord = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> started = new ArrayList<>(records.size());
            for (SQSEvent.SQSMessage record : records) {
                started.add(perRecord.submit(() -> start(record)));
            }
            for (int i = 0; i < records.size(); i++) {
                if (!succeeded(started.get(i))) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(records.get(i).getMessageId()));
                }
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** The SQS event as Lambda delivers it, answered with {@code {"batchItemFailures": [{"itemIdentifier"}]}}. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(record.path("messageId").asText(null));
            message.setBody(record.path("body").asText(null));
            records.add(message);
        }
        SQSEvent typed = new SQSEvent();
        typed.setRecords(records);
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode failures = answer.putArray("batchItemFailures");
        for (SQSBatchResponse.BatchItemFailure failure : handleRequest(typed, context).getBatchItemFailures()) {
            failures.addObject().put("itemIdentifier", failure.getItemIdentifier());
        }
        Json.MAPPER.writeValue(output, answer);
    }

    private boolean start(SQSEvent.SQSMessage record) {
        OrderChange change;
        try {
            change = OrderChangeMessage.parse(record.getBody());
        } catch (MalformedMessageException e) {
            LOG.log(WARNING, "malformed message {0}: {1}; left for the dead-letter queue",
                    field("messageId", record.getMessageId()), field("reason", e.getMessage()));
            return false;
        }
        try {
            WorkflowStarter.Started started = workflow.start(change, record.getBody());
            LOG.log(INFO, "order {0}: execution {1} {2}", field("orderId", change.orderId()),
                    field("execution", ExecutionName.of(change)), field("result", started));
            return true;
        } catch (RuntimeException e) {
            LOG.log(WARNING, "order {0}: execution not started ({1}); message {2} will be retried",
                    field("orderId", change.orderId()), field("error", e.toString()),
                    field("messageId", record.getMessageId()));
            return false;
        }
    }

    private static boolean succeeded(Future<Boolean> started) {
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
