package dev.orderflow.statemachine;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The order workflow definition as it is packaged, and ways to walk it. */
final class OrderWorkflow {

    static final String RESOURCE = "orderflow/statemachine/order-workflow.asl.json";

    /** The deployment placeholders, each with the kind of value Pulumi or the local runner puts in its place. */
    static final Map<String, String> FAKE_ARNS = Map.of(
            "${PersistOrderFunctionArn}", "arn:aws:lambda:eu-west-1:123456789012:function:orderflow-persist-order",
            "${ValidateOrderFunctionArn}", "arn:aws:lambda:eu-west-1:123456789012:function:orderflow-validate-order");

    static final ObjectMapper JSON = new ObjectMapper();

    private OrderWorkflow() {}

    static String text() {
        try (InputStream in = OrderWorkflow.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("not on the classpath: " + RESOURCE);
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode definition() {
        return parse(text());
    }

    static String substituted() {
        String text = text();
        for (var placeholder : FAKE_ARNS.entrySet()) {
            text = text.replace(placeholder.getKey(), placeholder.getValue());
        }
        return text;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, JsonNode> states() {
        var states = new LinkedHashMap<String, JsonNode>();
        definition().path("States").properties().forEach(entry -> states.put(entry.getKey(), entry.getValue()));
        return states;
    }

    static JsonNode state(String name) {
        JsonNode state = definition().path("States").path(name);
        if (state.isMissingNode()) {
            throw new IllegalArgumentException("no state " + name);
        }
        return state;
    }

    static Map<String, JsonNode> tasks() {
        var tasks = new LinkedHashMap<String, JsonNode>();
        states().forEach((name, state) -> {
            if (state.path("Type").asText().equals("Task")) {
                tasks.put(name, state);
            }
        });
        return tasks;
    }

    /** Every state name this state can go to: Next, Default, each Choice rule's and each catcher's Next. */
    static List<String> transitions(JsonNode state) {
        var targets = new ArrayList<String>();
        addText(targets, state.get("Next"));
        addText(targets, state.get("Default"));
        state.path("Choices").forEach(rule -> addText(targets, rule.get("Next")));
        state.path("Catch").forEach(catcher -> addText(targets, catcher.get("Next")));
        return targets;
    }

    /** Every string value in the document, with its JSON Pointer. */
    static List<Located> strings(JsonNode node) {
        var found = new ArrayList<Located>();
        collectStrings(node, "", found);
        return found;
    }

    /** Every object field name in the document, with the JSON Pointer of its value. */
    static List<Located> fieldNames(JsonNode node) {
        var found = new ArrayList<Located>();
        collectFieldNames(node, "", found);
        return found;
    }

    record Located(String pointer, String text) {}

    private static void addText(List<String> targets, JsonNode value) {
        if (value != null) {
            targets.add(value.asText());
        }
    }

    private static void collectStrings(JsonNode node, String pointer, List<Located> found) {
        if (node.isTextual()) {
            found.add(new Located(pointer, node.asText()));
        } else if (node.isObject()) {
            node.properties().forEach(e -> collectStrings(e.getValue(), pointer + "/" + e.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectStrings(node.get(i), pointer + "/" + i, found);
            }
        }
    }

    private static void collectFieldNames(JsonNode node, String pointer, List<Located> found) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String child = pointer + "/" + e.getKey();
                found.add(new Located(child, e.getKey()));
                collectFieldNames(e.getValue(), child, found);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectFieldNames(node.get(i), pointer + "/" + i, found);
            }
        }
    }
}
