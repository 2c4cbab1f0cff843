package dev.orderflow.infra;

import com.pulumi.core.Output;

import java.util.Map;
import java.util.Optional;

/** Stack configuration from a map, as the tests write it; secrets come back as secret outputs. */
record TestConfig(Map<String, String> values) implements ConfigSource {

    static TestConfig of(Map<String, String> values) {
        return new TestConfig(Map.copyOf(values));
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public Output<String> requireSecret(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Missing required configuration variable 'orderflow:" + key + "'");
        }
        return Output.ofSecret(value);
    }
}
