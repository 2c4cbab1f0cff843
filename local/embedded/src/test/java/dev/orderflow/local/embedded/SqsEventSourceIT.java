package dev.orderflow.local.embedded;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class SqsEventSourceIT {

    private static LocalSqs sqs;

    @BeforeAll
    static void start() {
        sqs = LocalSqs.start(0);
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    private static LocalSqs.QueuePair queue() {
        return sqs.createQueueWithDeadLetterQueue("q-" + UUID.randomUUID().toString().substring(0, 8),
                Duration.ofSeconds(1), 2);
    }

    private static void send(LocalSqs.QueuePair queue, String... bodies) {
        for (String body : bodies) {
            sqs.client().sendMessage(r -> r.queueUrl(queue.queueUrl()).messageBody(body));
        }
    }

    private static int depth(String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.client().getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void reportedFailures_comeBackAndReachTheDeadLetterQueue_othersAreDeletedOnce() {
        LocalSqs.QueuePair queue = queue();
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        try (SqsEventSource source = new SqsEventSource(sqs.client(), queue.queueUrl(), queue.queueArn(), (event, context) -> {
            List<SQSBatchResponse.BatchItemFailure> failures = event.getRecords().stream()
                    .peek(r -> deliveries.computeIfAbsent(r.getBody(), b -> new AtomicInteger()).incrementAndGet())
                    .filter(r -> r.getBody().equals("poison"))
                    .map(r -> new SQSBatchResponse.BatchItemFailure(r.getMessageId())).toList();
            assertThat(event.getRecords()).allSatisfy(r -> {
                assertThat(r.getEventSource()).isEqualTo("aws:sqs");
                assertThat(r.getEventSourceArn()).isEqualTo(queue.queueArn());
                assertThat(r.getAttributes()).containsKey("ApproximateReceiveCount");
            });
            return new SQSBatchResponse(failures);
        }, SqsEventSource.Settings.defaults())) {
            source.start();
            send(queue, "one", "two", "poison", "three");

            await("the poison message in the DLQ", () -> depth(queue.deadLetterQueueUrl()) == 1);
            await("the queue to drain", () -> depth(queue.queueUrl()) == 0);
        }
        assertThat(deliveries.get("poison").get()).isEqualTo(2);
        assertThat(List.of("one", "two", "three")).allSatisfy(body -> assertThat(deliveries.get(body).get()).isEqualTo(1));
    }

    @Test
    void aHandlerThatThrows_leavesTheWholeBatchToComeBack() {
        LocalSqs.QueuePair queue = queue();
        AtomicInteger calls = new AtomicInteger();
        try (SqsEventSource source = new SqsEventSource(sqs.client(), queue.queueUrl(), queue.queueArn(), (event, context) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first delivery fails");
            }
            return new SQSBatchResponse(List.of());
        }, new SqsEventSource.Settings(10, Duration.ofSeconds(1), 1))) {
            send(queue, "a");
            source.start();

            await("the retried message to be deleted", () -> calls.get() >= 2 && depth(queue.queueUrl()) == 0);
        }
        assertThat(depth(queue.deadLetterQueueUrl())).isZero();
    }

    @Test
    void stoppedSource_leavesMessagesQueued_andPicksThemUpWhenStartedAgain() {
        LocalSqs.QueuePair queue = queue();
        AtomicInteger handled = new AtomicInteger();
        SqsEventSource source = new SqsEventSource(sqs.client(), queue.queueUrl(), queue.queueArn(), (event, context) -> {
            handled.addAndGet(event.getRecords().size());
            return new SQSBatchResponse(List.of());
        }, SqsEventSource.Settings.defaults());
        source.start();
        source.stop();
        send(queue, "x", "y");

        assertThat(source.isRunning()).isFalse();
        assertThat(depth(queue.queueUrl())).isEqualTo(2);
        source.start();
        await("both messages handled", () -> handled.get() == 2 && depth(queue.queueUrl()) == 0);
        source.close();
    }

    @Test
    void deliveryFault_deliverTwice_handsTheMessageToASecondInvocation_andItIsDeletedAnyway() {
        LocalSqs.QueuePair queue = queue();
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        SqsEventSource.DeliveryFaults twice = new SqsEventSource.DeliveryFaults() {
            @Override
            public List<Message> deliverTwice(List<Message> batch) {
                return batch.stream().filter(m -> m.body().equals("dup")).toList();
            }
        };
        try (SqsEventSource source = new SqsEventSource(sqs.client(), queue.queueUrl(), queue.queueArn(), (event, context) -> {
            event.getRecords().forEach(r -> deliveries.computeIfAbsent(r.getBody(), b -> new AtomicInteger()).incrementAndGet());
            return new SQSBatchResponse(List.of());
        }, SqsEventSource.Settings.defaults(), twice)) {
            send(queue, "dup", "once");
            source.start();

            await("both handled and the queue drained", () -> deliveries.containsKey("dup") && deliveries.containsKey("once")
                    && depth(queue.queueUrl()) == 0);
        }
        assertThat(deliveries.get("dup").get()).isEqualTo(2);
        assertThat(deliveries.get("once").get()).isEqualTo(1);
        assertThat(depth(queue.deadLetterQueueUrl())).isZero();
    }

    @Test
    void deliveryFault_dropDeletes_bringsTheHandledBatchBackAfterTheVisibilityTimeout() {
        LocalSqs.QueuePair queue = queue();
        AtomicInteger dropped = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        SqsEventSource.DeliveryFaults dieOnce = new SqsEventSource.DeliveryFaults() {
            @Override
            public boolean dropDeletes(List<Message> batch) {
                return dropped.getAndIncrement() == 0;
            }
        };
        try (SqsEventSource source = new SqsEventSource(sqs.client(), queue.queueUrl(), queue.queueArn(), (event, context) -> {
            handled.addAndGet(event.getRecords().size());
            return new SQSBatchResponse(List.of());
        }, new SqsEventSource.Settings(10, Duration.ofSeconds(1), 1), dieOnce)) {
            send(queue, "m");
            source.start();

            await("the message handled again and deleted", () -> handled.get() == 2 && depth(queue.queueUrl()) == 0);
        }
        assertThat(dropped.get()).isEqualTo(2);
        assertThat(depth(queue.deadLetterQueueUrl())).isZero();
    }
}
