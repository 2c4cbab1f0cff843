package dev.orderflow.local.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * {@code $input} in a mapping template: the payload (the method request's body in a request template, the
 * integration's response body in a response template) and the method request's parameters (in both).
 * Public because Velocity calls it by reflection.
 */
public final class InputVariable {

    private final Map<String, Map<String, String>> params;
    private final String body;
    private JsonNode json;

    InputVariable(Map<String, Map<String, String>> params, String body) {
        this.params = params;
        this.body = body;
    }

    /** {@code $input.body}: the raw payload. */
    public String getBody() {
        return body;
    }

    /** {@code $input.json(path)}: the JSON at {@code path}, as JSON text; an empty payload reads as {@code {}}. */
    public String json(String path) {
        JsonNode node = JsonPaths.select(payload(), path);
        if (node.isMissingNode()) {
            return "";
        }
        try {
            return RequestValidator.STRICT_JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** {@code $input.path(path)}: the value at {@code path} as an object a template can walk (map, list, text, number). */
    public Object path(String path) {
        JsonNode node = JsonPaths.select(payload(), path);
        return node.isMissingNode() ? null : RequestValidator.STRICT_JSON.convertValue(node, Object.class);
    }

    /** {@code $input.params()}: {@code path}, {@code querystring} and {@code header}, each a map of name to value. */
    public Map<String, Map<String, String>> params() {
        return params;
    }

    /** {@code $input.params(name)}: a path, else query string, else header parameter of that name; else empty. */
    public String params(String name) {
        for (String location : new String[] {"path", "querystring", "header"}) {
            String value = params.getOrDefault(location, Map.of()).get(name);
            if (value != null) {
                return value;
            }
        }
        return "";
    }

    private JsonNode payload() {
        if (json == null) {
            try {
                json = body.isBlank() ? RequestValidator.STRICT_JSON.createObjectNode() : RequestValidator.STRICT_JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("$input.json/path on a payload that is not JSON", e);
            }
        }
        return json;
    }
}
