package dev.orderflow.logging;

/**
 * A named value in a log message: rendered in place of its placeholder and, by {@link JsonLogFormatter}, also as a
 * top-level JSON field, so that logs can be searched by order id.
 * <pre>{@code LOG.log(Level.INFO, "recorded {0}: {1}", field("orderId", id), field("outcome", outcome));}</pre>
 */
public record LogField(String name, Object value) {

    public static LogField field(String name, Object value) {
        return new LogField(name, value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
