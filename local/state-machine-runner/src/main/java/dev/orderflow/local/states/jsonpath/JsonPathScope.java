package dev.orderflow.local.states.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What paths in a JSONPath state can see: {@code $} is {@code input}, {@code $$} the context object, and
 * {@code $name} a workflow variable.
 */
public record JsonPathScope(JsonNode input, JsonNode context, Map<String, JsonNode> variables) implements PathResolver {

    private static final Pattern VARIABLE = Pattern.compile("^\\$([A-Za-z_][A-Za-z0-9_]*)(.*)$", Pattern.DOTALL);

    /** The same context and variables, with another document as {@code $}. */
    public JsonPathScope withInput(JsonNode newInput) {
        return new JsonPathScope(newInput, context, variables);
    }

    @Override
    public JsonNode resolve(String path) {
        if (path.startsWith("$$")) {
            return JsonPaths.read(path.substring(1), context);
        }
        Matcher variable = VARIABLE.matcher(path);
        if (variable.matches()) {
            JsonNode value = variables.get(variable.group(1));
            if (value == null) {
                throw new JsonPaths.PathNotFoundException(path,
                        "The variable '$" + variable.group(1) + "' is not defined");
            }
            String rest = variable.group(2);
            return rest.isEmpty() ? value : JsonPaths.read("$" + rest, value);
        }
        return JsonPaths.read(path, input);
    }

    /** Whether {@code path} is a path a JSONPath state may use: on the input, the context object, or a variable. */
    public static boolean isValidPath(String path) {
        if (path.startsWith("$$")) {
            return JsonPaths.isValid(path.substring(1));
        }
        Matcher variable = VARIABLE.matcher(path);
        if (variable.matches()) {
            return variable.group(2).isEmpty() || JsonPaths.isValid("$" + variable.group(2));
        }
        return JsonPaths.isValid(path);
    }
}
