package dev.orderflow.local.faults;

import dev.orderflow.local.embedded.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The proxy between the real DynamoDB SDK client and DynamoDB Local: what it forwards works, and each fault looks
 * to the SDK exactly as the service's own (a throttling error, a 500, a connection closed without an answer).
 */
class FaultProxyIT {

    private static final String TABLE = "proxied";
    private static LocalDynamoDb dynamoDb;

    @BeforeAll
    static void start() {
        dynamoDb = LocalDynamoDb.start(0, Optional.empty());
        dynamoDb.client().createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
    }

    /** A client through the proxy that does not retry, so each answer is seen as the proxy gave it. */
    private static DynamoDbClient through(FaultProxy proxy) {
        return DynamoDbClient.builder()
                .endpointOverride(proxy.endpoint())
                .region(Region.of(LocalDynamoDb.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static void put(DynamoDbClient client, String id) {
        client.putItem(r -> r.tableName(TABLE).item(Map.of("id", AttributeValue.fromS(id))));
    }

    private static boolean stored(String id) {
        return dynamoDb.client().getItem(r -> r.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(id)))
                .consistentRead(true)).hasItem();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void forwardedRequests_reachDynamoDb_andTheirAnswersComeBackWhole() {
        try (FaultProxy proxy = FaultProxy.start(dynamoDb.endpoint(), request -> FaultProxy.Verdict.FORWARD, 0);
             DynamoDbClient client = through(proxy)) {
            String id = id();

            put(client, id);

            assertThat(stored(id)).isTrue();
            assertThat(client.getItem(r -> r.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(id)))).item())
                    .containsEntry("id", AttributeValue.fromS(id));
            assertThat(proxy.endpoint()).isNotEqualTo(dynamoDb.endpoint());
            assertThat(proxy.endpoint().getHost()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void throttling_isDynamoDbsThrottlingException_andNothingIsWritten() {
        try (FaultProxy proxy = FaultProxy.start(dynamoDb.endpoint(), request -> DynamoDbFaults.throttled(), 0);
             DynamoDbClient client = through(proxy)) {
            String id = id();

            DynamoDbException throttled = catchThrowableOfType(DynamoDbException.class, () -> put(client, id));

            assertThat(throttled.isThrottlingException()).isTrue();
            assertThat(throttled.statusCode()).isEqualTo(400);
            assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
            assertThat(stored(id)).isFalse();
        }
    }

    @Test
    void aServerErrorAfterForwarding_isA500_thoughTheWriteWasApplied() {
        FaultProxy.Rule lostAnswer = request -> new FaultProxy.Verdict.Answer(500, DynamoDbFaults.CONTENT_TYPE,
                DynamoDbFaults.INTERNAL_ERROR, true);
        try (FaultProxy proxy = FaultProxy.start(dynamoDb.endpoint(), lostAnswer, 0);
             DynamoDbClient client = through(proxy)) {
            String id = id();

            DynamoDbException error = catchThrowableOfType(DynamoDbException.class, () -> put(client, id));

            assertThat(error.statusCode()).isEqualTo(500);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
            assertThat(stored(id)).as("applied, though the caller never learnt it").isTrue();
        }
    }

    @Test
    void aDroppedConnection_isAClientSideError_andNothingIsWritten() {
        try (FaultProxy proxy = FaultProxy.start(dynamoDb.endpoint(), request -> FaultProxy.Verdict.DROP, 0);
             DynamoDbClient client = through(proxy)) {
            String id = id();

            assertThat(catchThrowableOfType(SdkClientException.class, () -> put(client, id))).isNotNull();
            assertThat(stored(id)).isFalse();
        }
    }

    @Test
    void theRuleSeesTheOperation_soFaultsCanAimAtOne() {
        try (FaultProxy proxy = FaultProxy.start(dynamoDb.endpoint(), request ->
                request.target().endsWith(".PutItem") ? new FaultProxy.Verdict.Answer(400,
                        DynamoDbFaults.CONTENT_TYPE, DynamoDbFaults.THROTTLING, false) : FaultProxy.Verdict.FORWARD, 0);
             DynamoDbClient client = through(proxy)) {
            String id = id();

            assertThat(catchThrowableOfType(DynamoDbException.class, () -> put(client, id))).isNotNull();
            assertThat(client.getItem(r -> r.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(id)))).hasItem())
                    .isFalse();
        }
    }
}
