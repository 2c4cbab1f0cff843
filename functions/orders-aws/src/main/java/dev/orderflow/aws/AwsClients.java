package dev.orderflow.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;

import java.time.Duration;

/**
 * The one place that builds AWS clients: once per container, with the URL-connection HTTP client named
 * explicitly (the fastest to start; Netty and Apache are excluded from the build), and endpoints and credentials
 * from {@link AwsSettings}. Each method only touches its service's classes, so a function carries only the SDK
 * modules it calls.
 */
public final class AwsClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(AwsSettings settings) {
        DynamoDbClientBuilder builder = configure(DynamoDbClient.builder(), settings);
        settings.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * Standard retries: throttling is retried with exponential backoff and jitter, then reported, and the poller
     * reports that record as failed so SQS retries it later. (Adaptive mode also cuts the client's own send rate on
     * every throttle; measured under injected throttles it held the poller near 1 to 2 starts per second.)
     */
    public static SfnClient stepFunctions(AwsSettings settings) {
        SfnClientBuilder builder = configure(SfnClient.builder(), settings)
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD));
        settings.stepFunctionsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder,
                                                                                         AwsSettings settings) {
        return builder
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .httpClient(httpClient());
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }

    private static AwsCredentialsProvider credentials(AwsSettings settings) {
        if (settings.credentials().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        AwsSettings.Credentials keys = settings.credentials().get();
        AwsCredentials credentials = keys.sessionToken()
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), token))
                .orElseGet(() -> AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
        return StaticCredentialsProvider.create(credentials);
    }
}
