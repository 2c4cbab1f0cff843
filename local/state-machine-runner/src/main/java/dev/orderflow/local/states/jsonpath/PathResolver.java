package dev.orderflow.local.states.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;

/** Resolves a path written in a JSONPath state: {@code $...} (input), {@code $$...} (context), {@code $name...} (variable). */
@FunctionalInterface
public interface PathResolver {

    /** @throws JsonPaths.PathNotFoundException when the path selects nothing */
    JsonNode resolve(String path);
}
