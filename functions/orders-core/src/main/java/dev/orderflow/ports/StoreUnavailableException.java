package dev.orderflow.ports;

/**
 * A store (the orders table, the catalog) throttled, timed out or could not be reached: worth retrying.
 * The workflow retries it by this class's fully-qualified name; keep the name stable.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
