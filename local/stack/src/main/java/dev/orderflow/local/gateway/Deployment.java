package dev.orderflow.local.gateway;

import java.util.Map;
import java.util.Objects;

/**
 * The values the OpenAPI document leaves as deployment placeholders ({@code ${AwsRegion}} and the five others),
 * here for one machine. Pulumi fills the same six in the cloud.
 */
public record Deployment(String region, String accountId, String ordersQueueName, String apiGatewayQueueRoleArn,
                         String userPoolArn, String ordersApiFunctionArn) {

    /** The account id ElasticMQ and DynamoDB Local answer with, and the one the local ARNs name. */
    public static final String LOCAL_ACCOUNT_ID = "000000000000";

    public Deployment {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(ordersQueueName, "ordersQueueName");
        Objects.requireNonNull(apiGatewayQueueRoleArn, "apiGatewayQueueRoleArn");
        Objects.requireNonNull(userPoolArn, "userPoolArn");
        Objects.requireNonNull(ordersApiFunctionArn, "ordersApiFunctionArn");
    }

    /** Local values in {@code region} for the queue {@code ordersQueueName}: account 000000000000, local ARNs. */
    public static Deployment local(String region, String ordersQueueName) {
        String account = ":" + LOCAL_ACCOUNT_ID + ":";
        return new Deployment(region, LOCAL_ACCOUNT_ID, ordersQueueName,
                "arn:aws:iam:" + account + "role/orderflow-api-queue",
                "arn:aws:cognito-idp:" + region + account + "userpool/" + region + "_local",
                "arn:aws:lambda:" + region + account + "function:orderflow-orders-api");
    }

    /** Placeholder name (as written between {@code ${...}} in the document) to value. */
    public Map<String, String> placeholders() {
        return Map.of(
                "AwsRegion", region,
                "AccountId", accountId,
                "OrdersQueueName", ordersQueueName,
                "ApiGatewayQueueRoleArn", apiGatewayQueueRoleArn,
                "UserPoolArn", userPoolArn,
                "OrdersApiFunctionArn", ordersApiFunctionArn);
    }
}
