package dev.orderflow.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.ExecutionStatus;
import dev.orderflow.workflow.Json;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static java.lang.System.Logger.Level.WARNING;

/**
 * The local counterpart of the cloud's rule on Step Functions' "Execution Status Change" events: an execution that
 * closed without giving its order a final status sends its input (the queue message) to the dead-letter queue, so
 * the order ends there and not in silence. That is an execution that FAILED with any error but those of the
 * workflow's own Fail states (which it reaches only after RecordFailed has answered), or that TIMED_OUT or was
 * ABORTED. The typical case: RecordFailed itself failed (DynamoDB unreachable for longer than its retries, or an
 * order persist-order cannot handle), leaving the order PENDING, or not recorded at all.
 */
final class UnrecordedFailures implements Consumer<Execution> {

    private static final System.Logger LOG = System.getLogger(UnrecordedFailures.class.getName());

    private final SqsClient sqs;
    private final String deadLetterQueueUrl;
    private final Set<String> recordedErrors;
    private final AtomicLong deadLettered = new AtomicLong();

    /** @param recordedErrors the errors of the workflow's Fail states: the order's failure is recorded by then */
    UnrecordedFailures(SqsClient sqs, String deadLetterQueueUrl, Set<String> recordedErrors) {
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.recordedErrors = Set.copyOf(recordedErrors);
    }

    /** The {@code Error} of every Fail state of a definition. */
    static Set<String> failStateErrors(String definition) {
        JsonNode states;
        try {
            states = Json.MAPPER.readTree(definition).path("States");
        } catch (IOException e) {
            throw new UncheckedIOException("the workflow definition is not JSON", e);
        }
        Set<String> errors = new HashSet<>();
        states.forEach(state -> {
            if (state.path("Type").asText().equals("Fail") && state.path("Error").isTextual()) {
                errors.add(state.path("Error").asText());
            }
        });
        return errors;
    }

    boolean leftUnrecorded(Execution execution) {
        return switch (execution.status()) {
            case FAILED -> execution.error().map(error -> !recordedErrors.contains(error)).orElse(true);
            case TIMED_OUT, ABORTED -> true;
            case RUNNING, SUCCEEDED -> false;
        };
    }

    @Override
    public void accept(Execution execution) {
        if (!leftUnrecorded(execution)) {
            return;
        }
        try {
            sqs.sendMessage(r -> r.queueUrl(deadLetterQueueUrl).messageBody(execution.inputText()));
            deadLettered.incrementAndGet();
            LOG.log(WARNING, "execution {0} ended {1} ({2}) without recording its order: its input is in the "
                    + "dead-letter queue", execution.name(), execution.status(), execution.error().orElse("no error"));
        } catch (RuntimeException e) {
            LOG.log(WARNING, "execution " + execution.name() + " ended " + execution.status() + " without recording "
                    + "its order, and its input could not reach the dead-letter queue: " + e);
        }
    }

    /** How many executions were sent to the dead-letter queue so far. */
    long deadLettered() {
        return deadLettered.get();
    }
}
