package dev.orderflow.workflow;

/** A queue message or workflow payload that is not what the contract says: not JSON, or fields missing. */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
