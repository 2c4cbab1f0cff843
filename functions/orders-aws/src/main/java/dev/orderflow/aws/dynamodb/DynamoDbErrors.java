package dev.orderflow.aws.dynamodb;

import dev.orderflow.ports.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Translates SDK failures at the adapter boundary: transient ones become {@link StoreUnavailableException}. */
final class DynamoDbErrors {

    private DynamoDbErrors() {
    }

    static RuntimeException translate(String operation, SdkException e) {
        if (isTransient(e)) {
            return new StoreUnavailableException("DynamoDB " + operation + " is unavailable: " + e.getMessage(), e);
        }
        return new IllegalStateException("DynamoDB " + operation + " failed: " + e.getMessage(), e);
    }

    private static boolean isTransient(SdkException e) {
        if (e instanceof SdkClientException) {
            return true; // timeouts, refused connections, I/O errors
        }
        if (e instanceof DynamoDbException service) {
            return service.isThrottlingException() || service.statusCode() >= 500
                    || service.statusCode() == 0;
        }
        return e.retryable();
    }
}
