package dev.orderflow.bench.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the cost depends on in a Pulumi stack file ({@code orderflow:*} keys, with the program's defaults when a key
 * is absent): the workflow type, the poller's batching, and the functions' memory. The architecture is the one the
 * program deploys ({@code x86_64}, see infra's LambdaFunction).
 */
public record StackSettings(String workflowType, int pollerBatchSize, int pollerBatchWindowSeconds,
                            int functionMemoryMb, String architecture, boolean tracing) {

    public static final String ARCHITECTURE = "x86_64";

    /** The Pulumi program's defaults (infra's StackConfig). */
    public static StackSettings defaults() {
        return new StackSettings("STANDARD", 10, 1, 1024, ARCHITECTURE, true);
    }

    public static StackSettings read(Path stackFile) {
        JsonNode config;
        try {
            config = new YAMLMapper().readTree(stackFile.toFile()).path("config");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stackFile, e);
        }
        StackSettings d = defaults();
        return new StackSettings(
                text(config, "workflowType", d.workflowType()).toUpperCase(Locale.ROOT),
                number(config, "pollerBatchSize", d.pollerBatchSize()),
                number(config, "pollerBatchWindowSeconds", d.pollerBatchWindowSeconds()),
                number(config, "functionMemoryMb", d.functionMemoryMb()),
                ARCHITECTURE, true);
    }

    public StackSettings withWorkflowType(String type) {
        String upper = type.toUpperCase(Locale.ROOT);
        if (!upper.equals("STANDARD") && !upper.equals("EXPRESS")) {
            throw new IllegalArgumentException("--workflow-type is STANDARD or EXPRESS, not " + type);
        }
        return new StackSettings(upper, pollerBatchSize, pollerBatchWindowSeconds, functionMemoryMb, architecture, tracing);
    }

    private static String text(JsonNode config, String key, String fallback) {
        JsonNode value = config.get("orderflow:" + key);
        return value == null || value.asText().isBlank() ? fallback : value.asText().strip();
    }

    private static int number(JsonNode config, String key, int fallback) {
        String value = text(config, key, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("orderflow:" + key + " is not a number: " + value);
        }
    }
}
