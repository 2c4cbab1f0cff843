package dev.orderflow.local.gateway;

import org.apache.pekko.http.scaladsl.Http;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.util.List;

/** ElasticMQ on 127.0.0.1 and a free port, with one queue, read back through the SDK's SQS client. */
final class EmbeddedSqs implements AutoCloseable {

    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient client;
    private final String queueUrl;

    EmbeddedSqs(String queueName) {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0).start();
        Http.ServerBinding binding = server.waitUntilStarted();
        endpoint = URI.create("http://127.0.0.1:" + binding.localAddress().getPort());
        client = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        queueUrl = client.createQueue(request -> request.queueName(queueName)).queueUrl();
    }

    URI endpoint() {
        return endpoint;
    }

    void purge() {
        client.purgeQueue(request -> request.queueUrl(queueUrl));
    }

    /** Every message now on the queue (the gateway's send has completed before its answer, so none is in flight). */
    List<Message> receiveAll() {
        return client.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                .messages();
    }

    int depth() {
        return Integer.parseInt(client.getQueueAttributes(request -> request.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    @Override
    public void close() {
        client.close();
        server.stopAndWait();
    }
}
