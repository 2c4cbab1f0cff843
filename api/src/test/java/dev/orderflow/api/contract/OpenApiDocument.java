package dev.orderflow.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document as the build packages it (classpath {@value #RESOURCE}): its raw text, and
 * its tree for reading the API Gateway extensions, which the typed OpenAPI model keeps as plain maps.
 */
final class OpenApiDocument {

    static final String RESOURCE = "orderflow/api/openapi.yaml";

    /** The five operations, as "METHOD path". */
    static final List<String> OPERATIONS = List.of(
            "POST /orders", "GET /orders",
            "PUT /orders/{orderId}", "GET /orders/{orderId}", "DELETE /orders/{orderId}");

    private static final String TEXT = readResource();
    private static final JsonNode TREE = parse(TEXT);

    private OpenApiDocument() {
    }

    static String text() {
        return TEXT;
    }

    static JsonNode tree() {
        return TREE;
    }

    /** An operation, named as in {@link #OPERATIONS}, e.g. "PUT /orders/{orderId}". */
    static JsonNode operation(String operation) {
        String[] methodAndPath = operation.split(" ", 2);
        JsonNode node = TREE.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase());
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("The document has no operation " + operation);
        }
        return node;
    }

    static JsonNode integration(String operation) {
        return operation(operation).path("x-amazon-apigateway-integration");
    }

    static String requestTemplate(String operation) {
        return integration(operation).path("requestTemplates").path("application/json").asText();
    }

    /** The response template of the integration response selected by {@code selectionPattern}, e.g. {@code 2\d{2}}. */
    static String responseTemplate(String operation, String selectionPattern) {
        return integration(operation).path("responses").path(selectionPattern)
                .path("responseTemplates").path("application/json").asText();
    }

    /** The field names of an object node, in document order. */
    static List<String> names(JsonNode object) {
        return object.propertyStream().map(Map.Entry::getKey).toList();
    }

    /** Follows a local {@code $ref} (e.g. to components/responses); any other node is returned as it is. */
    static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.startsWith("#/") ? TREE.at(ref.substring(1)) : node;
    }

    private static String readResource() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String yaml) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
