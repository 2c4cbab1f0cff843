package dev.orderflow.local.gateway;

/**
 * API Gateway's gateway response types that the local gateway can produce, with API Gateway's default status and
 * the {@code $context.error.message} it gives them. A type the document does not customise falls back to
 * DEFAULT_4XX or DEFAULT_5XX by its status.
 */
enum GatewayResponseType {
    ACCESS_DENIED(403, "Forbidden"),
    API_CONFIGURATION_ERROR(500, "Internal server error"),
    AUTHORIZER_CONFIGURATION_ERROR(500, "Internal server error"),
    BAD_REQUEST_BODY(400, "Invalid request body"),
    BAD_REQUEST_PARAMETERS(400, "Invalid request parameters"),
    DEFAULT_4XX(400, "Bad request"),
    DEFAULT_5XX(500, "Internal server error"),
    EXPIRED_TOKEN(403, "The incoming token has expired"),
    INTEGRATION_FAILURE(504, "Internal server error"),
    INTEGRATION_TIMEOUT(504, "Endpoint request timed out"),
    MISSING_AUTHENTICATION_TOKEN(403, "Missing Authentication Token"),
    REQUEST_TOO_LARGE(413, "Request Too Long"),
    UNAUTHORIZED(401, "Unauthorized"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type");

    private final int defaultStatus;
    private final String defaultMessage;

    GatewayResponseType(int defaultStatus, String defaultMessage) {
        this.defaultStatus = defaultStatus;
        this.defaultMessage = defaultMessage;
    }

    int defaultStatus() {
        return defaultStatus;
    }

    String defaultMessage() {
        return defaultMessage;
    }

    /** The fallback a type uses when the document does not define it. */
    GatewayResponseType fallback() {
        return defaultStatus >= 500 ? DEFAULT_5XX : DEFAULT_4XX;
    }
}
