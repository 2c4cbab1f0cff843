package dev.orderflow.local.gateway;

import java.util.List;

/**
 * Something the gateway answers itself, with a gateway response of {@code type}. Carries no stack trace: it is an
 * answer, not a fault.
 *
 * @see GatewayResponses
 */
final class GatewayError extends RuntimeException {

    private final GatewayResponseType type;
    private final int status;
    private final String validationErrorString;

    private GatewayError(GatewayResponseType type, int status, String message, String validationErrorString) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.validationErrorString = validationErrorString;
    }

    static GatewayError of(GatewayResponseType type) {
        return new GatewayError(type, type.defaultStatus(), type.defaultMessage(), "");
    }

    /** A type with a status other than its default (as a 502 answered through DEFAULT_5XX). */
    static GatewayError of(GatewayResponseType type, int status) {
        return new GatewayError(type, status, type.defaultMessage(), "");
    }

    /** A validator's refusal; {@code problems} become {@code $context.error.validationErrorString}, as {@code [a, b]}. */
    static GatewayError invalid(GatewayResponseType type, List<String> problems) {
        return new GatewayError(type, type.defaultStatus(), type.defaultMessage(), "[" + String.join(", ", problems) + "]");
    }

    GatewayResponseType type() {
        return type;
    }

    int status() {
        return status;
    }

    String validationErrorString() {
        return validationErrorString;
    }
}
