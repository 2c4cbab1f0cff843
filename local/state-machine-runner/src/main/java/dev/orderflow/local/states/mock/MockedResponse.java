package dev.orderflow.local.states.mock;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a mocked task does on each invocation: keys are invocation indexes from 0 ({@code "0"}) or inclusive
 * ranges ({@code "1-3"}); each value {@code Return}s a result or {@code Throw}s an {@code Error} with a
 * {@code Cause}. An invocation no key covers has no response: the execution fails, as in Step Functions Local.
 */
public final class MockedResponse {

    private static final Pattern INDEXES = Pattern.compile("^(\\d+)(?:-(\\d+))?$");

    /** The outcome of one mocked invocation. */
    public sealed interface Outcome {
    }

    public record Return(JsonNode value) implements Outcome {
    }

    public record Throw(String error, String cause) implements Outcome {
    }

    private record Entry(int from, int to, Outcome outcome) {
    }

    private final String name;
    private final List<Entry> entries;

    private MockedResponse(String name, List<Entry> entries) {
        this.name = name;
        this.entries = List.copyOf(entries);
    }

    public String name() {
        return name;
    }

    static MockedResponse parse(String name, JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("Mocked response '" + name + "' must be a JSON object");
        }
        List<Entry> entries = new ArrayList<>();
        node.properties().forEach(e -> {
            Matcher indexes = INDEXES.matcher(e.getKey());
            if (!indexes.matches()) {
                throw new IllegalArgumentException("Mocked response '" + name + "': '" + e.getKey()
                        + "' is neither an invocation index nor a range like \"1-3\"");
            }
            int from = Integer.parseInt(indexes.group(1));
            int to = indexes.group(2) == null ? from : Integer.parseInt(indexes.group(2));
            if (to < from) {
                throw new IllegalArgumentException("Mocked response '" + name + "': the range '" + e.getKey()
                        + "' ends before it starts");
            }
            entries.add(new Entry(from, to, outcome(name, e.getKey(), e.getValue())));
        });
        return new MockedResponse(name, entries);
    }

    private static Outcome outcome(String name, String key, JsonNode node) {
        boolean returns = node.has("Return");
        boolean throwsError = node.has("Throw");
        if (returns == throwsError || node.size() != 1) {
            throw new IllegalArgumentException("Mocked response '" + name + "' at '" + key
                    + "' must have exactly one field, 'Return' or 'Throw'");
        }
        if (returns) {
            return new Return(node.get("Return"));
        }
        JsonNode thrown = node.get("Throw");
        if (!thrown.path("Error").isTextual() || thrown.has("Cause") && !thrown.get("Cause").isTextual()) {
            throw new IllegalArgumentException("Mocked response '" + name + "' at '" + key
                    + "': 'Throw' needs 'Error' and 'Cause' as strings");
        }
        return new Throw(thrown.get("Error").textValue(), thrown.path("Cause").asText(""));
    }

    /** The outcome of invocation {@code index} (from 0), if this response defines one. */
    public Optional<Outcome> forInvocation(int index) {
        return entries.stream().filter(e -> index >= e.from() && index <= e.to()).map(Entry::outcome).findFirst();
    }
}
