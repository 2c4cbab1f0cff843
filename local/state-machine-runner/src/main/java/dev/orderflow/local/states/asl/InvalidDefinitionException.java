package dev.orderflow.local.states.asl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A definition Step Functions would refuse to create. The message has the service's shape:
 * {@code Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: ... at /States/Name/Field, ...'}.
 */
public final class InvalidDefinitionException extends RuntimeException {

    /** One problem: a Step Functions diagnostic code, what is wrong, and where (a JSON pointer). */
    public record Problem(String code, String message, String location) {
        @Override
        public String toString() {
            return code + ": " + message + " at " + (location.isEmpty() ? "/" : location);
        }
    }

    private final List<Problem> problems;

    InvalidDefinitionException(List<Problem> problems) {
        super("Invalid State Machine Definition: '"
                + problems.stream().map(Problem::toString).collect(Collectors.joining(", ")) + "'");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
