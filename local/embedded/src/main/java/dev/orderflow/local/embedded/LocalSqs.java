package dev.orderflow.local.embedded;

import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * ElasticMQ as the SQS endpoint, in this JVM, on 127.0.0.1: account {@value #ACCOUNT_ID}, so queue URLs are
 * {@code http://127.0.0.1:<port>/000000000000/<name>} as the gateway's integration URI expects.
 */
public final class LocalSqs implements AutoCloseable {

    public static final String ACCOUNT_ID = "000000000000";
    public static final String REGION = LocalDynamoDb.REGION;

    /** A queue and its dead-letter queue, as the redrive policy ties them together. */
    public record QueuePair(String queueUrl, String queueArn, String deadLetterQueueUrl, String deadLetterQueueArn) {
    }

    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient client;

    private LocalSqs(SQSRestServer server, URI endpoint, SqsClient client) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = client;
    }

    /** @param port 0 for a free one */
    public static LocalSqs start(int port) {
        int chosen = port == 0 ? freePort() : port;
        SQSRestServer server;
        try {
            server = SQSRestServerBuilder.withInterface("127.0.0.1")
                    .withPort(chosen)
                    .withServerAddress(new NodeAddress("http", "127.0.0.1", chosen, ""))
                    .withAWSAccountId(ACCOUNT_ID)
                    .withAWSRegion(REGION)
                    .start();
            server.waitUntilStarted();
        } catch (RuntimeException e) {
            throw new IllegalStateException("ElasticMQ did not start on 127.0.0.1:" + chosen + ": " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + chosen);
        SqsClient client = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalDynamoDb.ACCESS_KEY, LocalDynamoDb.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new LocalSqs(server, endpoint, client);
    }

    /**
     * Creates {@code name} and {@code name-dlq}: messages received {@code maxReceiveCount} times without being
     * deleted move to the dead-letter queue, as the cloud's redrive policy does.
     */
    public QueuePair createQueueWithDeadLetterQueue(String name, Duration visibilityTimeout, int maxReceiveCount) {
        String dlqUrl = client.createQueue(r -> r.queueName(name + "-dlq")
                .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600"))).queueUrl();
        String dlqArn = arn(dlqUrl);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
        String queueUrl = client.createQueue(r -> r.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(visibilityTimeout.toSeconds()),
                QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
        return new QueuePair(queueUrl, arn(queueUrl), dlqUrl, dlqArn);
    }

    private String arn(String queueUrl) {
        return client.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    public URI endpoint() {
        return endpoint;
    }

    public SqsClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
