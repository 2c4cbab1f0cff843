package dev.orderflow.local.gateway;

import java.util.Optional;
import java.util.function.Function;

/**
 * The right-hand side of an API Gateway parameter mapping: a static value in single quotes ({@code 'text'}), or a
 * source such as {@code method.request.header.Accept} or {@code integration.response.header.Date}, looked up by
 * the caller.
 */
final class ParameterMapping {

    private ParameterMapping() {
    }

    static Optional<String> value(String expression, Function<String, Optional<String>> sources) {
        String trimmed = expression.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")) {
            return Optional.of(trimmed.substring(1, trimmed.length() - 1));
        }
        return sources.apply(trimmed);
    }
}
