package dev.orderflow.local.embedded;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static java.lang.System.Logger.Level.WARNING;

/**
 * Feeds an SQS queue to a handler as Lambda's event source mapping does with {@code ReportBatchItemFailures}:
 * pollers long-poll batches of up to {@code batchSize}, hand each batch to the handler as an {@link SQSEvent}, and
 * delete only the records the handler did not report in {@code batchItemFailures}. A handler that throws, or that
 * reports a failure for an id not in the batch, fails the whole batch: nothing is deleted, and the messages come
 * back after the visibility timeout until the redrive policy moves them to the dead-letter queue.
 * <p>
 * Given {@link DeliveryFaults}, it also misbehaves on purpose, as SQS and the mapping may really do: a message
 * handed out twice, or a batch handled whose deletes never happen (the poller died right after the handler).
 */
public final class SqsEventSource implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SqsEventSource.class.getName());

    /** How the mapping polls: batch size (1..10), long-poll wait, and how many pollers run at once. */
    public record Settings(int batchSize, Duration longPoll, int pollers) {
        public Settings {
            if (batchSize < 1 || batchSize > 10) {
                throw new IllegalArgumentException("batchSize must be 1..10");
            }
            if (pollers < 1) {
                throw new IllegalArgumentException("pollers must be at least 1");
            }
        }

        public static Settings defaults() {
            return new Settings(10, Duration.ofSeconds(1), 2);
        }
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final Settings settings;
    private final DeliveryFaults faults;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> pollers = new ArrayList<>();
    private CountDownLatch stopped = new CountDownLatch(0);

    /**
     * Deliberate misbehaviour for fault-injection runs, each a thing SQS or the mapping really does now and then.
     * The default methods misbehave in no way.
     */
    public interface DeliveryFaults {

        DeliveryFaults NONE = new DeliveryFaults() {
        };

        /**
         * The messages of a received batch that are also handed to a second, concurrent invocation, as when SQS
         * (at-least-once) gives one message to two pollers.
         */
        default List<Message> deliverTwice(List<Message> batch) {
            return List.of();
        }

        /**
         * True to skip the deletes of a batch the handler has answered, as when the poller dies right after the
         * handler returned: every message of the batch comes back after the visibility timeout.
         */
        default boolean dropDeletes(List<Message> batch) {
            return false;
        }
    }

    public SqsEventSource(SqsClient sqs, String queueUrl, String queueArn,
                          RequestHandler<SQSEvent, SQSBatchResponse> handler, Settings settings) {
        this(sqs, queueUrl, queueArn, handler, settings, DeliveryFaults.NONE);
    }

    public SqsEventSource(SqsClient sqs, String queueUrl, String queueArn,
                          RequestHandler<SQSEvent, SQSBatchResponse> handler, Settings settings,
                          DeliveryFaults faults) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.handler = handler;
        this.settings = settings;
        this.faults = faults;
    }

    public synchronized void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        stopped = new CountDownLatch(settings.pollers());
        pollers.clear();
        for (int i = 0; i < settings.pollers(); i++) {
            pollers.add(Thread.ofVirtual().name("sqs-event-source-" + i).start(this::poll));
        }
    }

    /** Stops polling; a batch in the handler finishes (and is deleted) first. Can be started again. */
    public synchronized void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running.get();
    }

    @Override
    public void close() {
        stop();
    }

    private void poll() {
        try {
            while (running.get()) {
                try {
                    List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                            .maxNumberOfMessages(settings.batchSize())
                            .waitTimeSeconds((int) settings.longPoll().toSeconds())
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                            .messageAttributeNames("All")).messages();
                    if (!messages.isEmpty()) {
                        deliver(messages);
                    }
                } catch (RuntimeException e) {
                    LOG.log(WARNING, "polling " + queueUrl + " failed; retrying: " + e);
                    pause();
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    /** One batch through the handler (and its duplicates through another invocation); returns the records deleted. */
    int deliver(List<Message> messages) {
        List<Message> twice = faults.deliverTwice(messages);
        if (twice.isEmpty()) {
            return deliverOnce(messages);
        }
        AtomicInteger duplicateDeletes = new AtomicInteger();
        Thread duplicate = Thread.ofVirtual().name("sqs-event-source-duplicate")
                .start(() -> duplicateDeletes.set(deliverOnce(List.copyOf(twice))));
        int deleted = deliverOnce(messages);
        try {
            duplicate.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return deleted + duplicateDeletes.get();
    }

    private int deliverOnce(List<Message> messages) {
        Set<String> failed = failures(messages);
        if (faults.dropDeletes(messages)) {
            return 0;
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder()
                        .id(message.messageId()).receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
        }
        return done.size();
    }

    private Set<String> failures(List<Message> messages) {
        Set<String> all = new HashSet<>();
        messages.forEach(m -> all.add(m.messageId()));
        SQSBatchResponse response;
        try {
            response = handler.handleRequest(event(messages), null);
        } catch (RuntimeException e) {
            LOG.log(WARNING, "handler failed a batch of " + messages.size() + "; it will be retried: " + e);
            return all;
        }
        Set<String> failed = new HashSet<>();
        if (response != null && response.getBatchItemFailures() != null) {
            for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
                String id = failure.getItemIdentifier();
                if (id == null || !all.contains(id)) {
                    return all; // as Lambda does: an unknown identifier fails the whole batch
                }
                failed.add(id);
            }
        }
        return failed;
    }

    private SQSEvent event(List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>(messages.size());
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
            Map<String, String> attributes = new HashMap<>();
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.setAttributes(attributes);
            record.setMessageAttributes(Map.of());
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion(LocalSqs.REGION);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** Backs off after a failed receive, so an unreachable queue is not hammered. */
    private static void pause() {
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
}
