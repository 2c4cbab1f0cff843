package dev.orderflow.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSONPath subset mapping templates use with {@code $input.json(...)} and {@code $input.path(...)}: the root
 * {@code $}, members ({@code .name}, {@code ['name']}) and array indexes ({@code [0]}). Anything else (wildcards,
 * filters, slices) is refused with a message rather than guessed at.
 */
final class JsonPaths {

    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z_$][A-Za-z0-9_$-]*)|\\['([^']*)']|\\[\"([^\"]*)\"]|\\[(\\d+)]");

    private JsonPaths() {
    }

    /** The node at {@code path}, or a missing node. */
    static JsonNode select(JsonNode root, String path) {
        String expression = path.trim();
        if (!expression.startsWith("$")) {
            throw new IllegalArgumentException("a JSONPath starts with $: " + path);
        }
        JsonNode node = root;
        Matcher step = STEP.matcher(expression);
        int position = 1;
        while (position < expression.length()) {
            if (!step.find(position) || step.start() != position) {
                throw new IllegalArgumentException("the local gateway supports $, .name, ['name'] and [index] in JSONPath, not: " + path);
            }
            if (step.group(4) != null) {
                node = node.path(Integer.parseInt(step.group(4)));
            } else {
                String name = step.group(1) != null ? step.group(1) : step.group(2) != null ? step.group(2) : step.group(3);
                node = node.path(name);
            }
            position = step.end();
        }
        return node == null ? MissingNode.getInstance() : node;
    }
}
