package dev.orderflow.bench;

import dev.orderflow.aws.AwsClients;
import dev.orderflow.aws.AwsSettings;
import dev.orderflow.aws.dynamodb.OrdersTable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floors the pipeline is compared with, measured on the same running servers with the same HTTP client the
 * functions use (the URL-connection client, built by {@link AwsClients} for DynamoDB) and the same concurrency as
 * the pipeline's writers.
 */
final class Floors {

    /** A rate, and how it was measured. */
    record Rate(double perSecond, long operations, double seconds, int concurrency) {
    }

    private Floors() {
    }

    /**
     * Unconditional PutItems of order-sized items into the orders table (a partition of their own), from
     * {@code concurrency} threads for {@code duration}.
     */
    static Rate putItems(AwsSettings settings, String table, int concurrency, Duration duration) {
        try (DynamoDbClient dynamoDb = AwsClients.dynamoDb(settings)) {
            AtomicLong done = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            long start = System.nanoTime();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < concurrency; t++) {
                    int thread = t;
                    threads.execute(() -> {
                        for (long n = 0; running.get(); n++) {
                            Map<String, AttributeValue> item = item(thread, n);
                            dynamoDb.putItem(r -> r.tableName(table).item(item));
                            done.incrementAndGet();
                        }
                    });
                }
                sleep(duration);
                running.set(false);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Rate(done.get() / seconds, done.get(), seconds, concurrency);
        }
    }

    /** An item shaped like a recorded order (about the size persist-order writes). */
    private static Map<String, AttributeValue> item(int thread, long n) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(OrdersTable.USER_ID, AttributeValue.fromS("bench-floor"));
        item.put(OrdersTable.ORDER_ID, AttributeValue.fromS("floor-" + thread + "-" + n));
        item.put(OrdersTable.CREATED_KEY, AttributeValue.fromS("2026-11-22T10:00:00.000Z#floor-" + thread + "-" + n));
        item.put(OrdersTable.STATUS, AttributeValue.fromS("PENDING"));
        item.put(OrdersTable.RESTAURANT_ID, AttributeValue.fromS("luigis-pizzeria"));
        item.put(OrdersTable.LINES, AttributeValue.fromL(List.of(
                AttributeValue.fromM(Map.of("menuItemId", AttributeValue.fromS("margherita"),
                        "quantity", AttributeValue.fromN("2"))),
                AttributeValue.fromM(Map.of("menuItemId", AttributeValue.fromS("tiramisu"),
                        "quantity", AttributeValue.fromN("1"))))));
        item.put(OrdersTable.CREATED_AT, AttributeValue.fromS("2026-11-22T10:00:00.000Z"));
        item.put(OrdersTable.UPDATED_AT, AttributeValue.fromS("2026-11-22T10:00:00.000Z"));
        item.put(OrdersTable.VERSION, AttributeValue.fromN("1"));
        return item;
    }

    /**
     * Messages through a queue of their own as the order path moves them: {@code concurrency} senders, one
     * SendMessage per message (as the gateway's integration sends), and as many consumers as the local event source
     * has pollers, each receiving batches of 10 and deleting them with one DeleteMessageBatch. The rate counts
     * messages deleted.
     */
    static Rate queueRoundTrips(URI endpoint, String region, int concurrency, int consumers, Duration duration) {
        try (SqsClient sqs = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            String queueUrl = sqs.createQueue(r -> r.queueName("bench-floor-" + System.nanoTime())).queueUrl();
            AtomicLong deleted = new AtomicLong();
            AtomicBoolean sending = new AtomicBoolean(true);
            AtomicBoolean receiving = new AtomicBoolean(true);
            long start = System.nanoTime();
            double seconds;
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < concurrency; t++) {
                    threads.execute(() -> {
                        while (sending.get()) {
                            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(ORDER_MESSAGE));
                        }
                    });
                }
                for (int c = 0; c < consumers; c++) {
                    threads.execute(() -> {
                        while (receiving.get()) {
                            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
                            if (messages.isEmpty()) {
                                continue;
                            }
                            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
                            for (Message m : messages) {
                                entries.add(DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                                        .receiptHandle(m.receiptHandle()).build());
                            }
                            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
                            deleted.addAndGet(messages.size());
                        }
                    });
                }
                sleep(duration);
                seconds = (System.nanoTime() - start) / 1e9;
                long counted = deleted.get();
                sending.set(false);
                receiving.set(false);
                deleted.set(counted);
            }
            sqs.deleteQueue(r -> r.queueUrl(queueUrl));
            return new Rate(deleted.get() / seconds, deleted.get(), seconds, concurrency);
        }
    }

    /** A queued order change as the gateway's template writes it (about the same size). */
    private static final String ORDER_MESSAGE = "{\"orderId\":\"floor-order-0001\",\"userId\":\"bench-floor\","
            + "\"kind\":\"CREATE\",\"receivedAt\":1763805600123,\"requestId\":\"c5a1e0c2-8a3b-4f7e-9d21-6b0f3e4a5c11\","
            + "\"order\":{\"restaurantId\":\"luigis-pizzeria\",\"items\":[{\"menuItemId\":\"margherita\",\"quantity\":2},"
            + "{\"menuItemId\":\"tiramisu\",\"quantity\":1}]}}";

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
