package dev.orderflow.config;

import java.util.Map;
import java.util.Optional;

/**
 * Reads configuration from a map of variables (the process environment in Lambda, a map in the local stack and
 * in tests), once, at the edge. Missing required values fail fast, naming the variable.
 */
public final class Settings {

    private final Map<String, String> variables;

    private Settings(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Settings of(Map<String, String> variables) {
        return new Settings(variables);
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException(
                "Missing configuration: environment variable " + name + " is not set"));
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
