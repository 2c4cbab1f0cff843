package dev.orderflow.local.states.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.orderflow.local.states.json.Json;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSONPath queries over JSON trees, with the Jayway implementation that Step Functions' own messages come from
 * ("No results for path: $['x']"). Compiled paths are cached: definitions use a small, fixed set of them.
 */
public final class JsonPaths {

    private static final Configuration CONFIGURATION = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();
    private static final Map<String, JsonPath> COMPILED = new ConcurrentHashMap<>();

    private JsonPaths() {
    }

    /** Whether {@code path} is a JSONPath expression (starting at {@code $}) that Jayway can compile. */
    public static boolean isValid(String path) {
        if (!path.startsWith("$")) {
            return false;
        }
        try {
            compile(path);
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * The value at {@code path} in {@code document}: one value for a definite path, an array of the matches for an
     * indefinite one.
     *
     * @throws PathNotFoundException when the path selects nothing
     */
    public static JsonNode read(String path, JsonNode document) {
        try {
            Object value = compile(path).read(document, CONFIGURATION);
            if (value == null) {
                return Json.NODES.nullNode();
            }
            if (value instanceof JsonNode node) {
                return node;
            }
            return Json.MAPPER.valueToTree(value);
        } catch (com.jayway.jsonpath.PathNotFoundException e) {
            throw new PathNotFoundException(path, e.getMessage());
        } catch (JsonPathException | IllegalArgumentException e) {
            throw new PathNotFoundException(path, e.getMessage());
        }
    }

    private static JsonPath compile(String path) {
        JsonPath compiled = COMPILED.get(path);
        if (compiled == null) {
            compiled = JsonPath.compile(path);
            COMPILED.putIfAbsent(path, compiled);
        }
        return compiled;
    }

    /** A path that selects nothing in the document it was applied to. */
    public static final class PathNotFoundException extends RuntimeException {
        private final String path;

        PathNotFoundException(String path, String detail) {
            super(detail);
            this.path = path;
        }

        public String path() {
            return path;
        }
    }
}
