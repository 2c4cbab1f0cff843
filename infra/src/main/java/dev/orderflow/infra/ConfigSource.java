package dev.orderflow.infra;

import com.pulumi.Config;
import com.pulumi.core.Output;

import java.util.Optional;

/** Where the stack configuration comes from: the stack's Pulumi config in a deployment, a map in tests. */
interface ConfigSource {

    Optional<String> get(String key);

    Output<String> requireSecret(String key);

    static ConfigSource of(Config config) {
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return config.get(key);
            }

            @Override
            public Output<String> requireSecret(String key) {
                return config.requireSecret(key);
            }
        };
    }
}
