package dev.orderflow.local.states.lambda;

/**
 * A failed invocation as Step Functions sees it: the error name (the runtime's {@code errorType}) and the cause
 * (the runtime's error document, as JSON text).
 */
public final class FunctionError extends RuntimeException {

    private final String error;
    private final String cause;

    public FunctionError(String error, String cause) {
        super(error + ": " + cause);
        this.error = error;
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }
}
