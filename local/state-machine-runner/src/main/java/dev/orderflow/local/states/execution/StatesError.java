package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.json.Json;

import java.util.Optional;

/**
 * A state failed with an ASL error: a name that Retry and Catch match ({@code States.Timeout},
 * {@code Lambda.ServiceException}, {@code java.lang.IllegalStateException}...) and a cause. It is what a
 * catcher receives as error output, and what fails the execution when nothing handles it.
 */
public final class StatesError extends RuntimeException {

    private final String error;
    private final String cause;

    StatesError(String error, String cause) {
        super(cause == null ? error : error + ": " + cause, null, false, false);
        this.error = error == null ? "" : error;
        this.cause = cause;
    }

    public static StatesError of(String error, String cause) {
        return new StatesError(error, cause);
    }

    public String error() {
        return error;
    }

    public Optional<String> cause() {
        return Optional.ofNullable(cause);
    }

    /** The error output a catcher passes on: {@code {"Error", "Cause"}}. */
    public ObjectNode errorOutput() {
        ObjectNode output = Json.object();
        if (!error.isEmpty()) {
            output.put("Error", error);
        }
        if (cause != null) {
            output.put("Cause", cause);
        }
        return output;
    }
}
