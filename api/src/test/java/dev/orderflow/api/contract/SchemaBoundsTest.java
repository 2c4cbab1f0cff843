package dev.orderflow.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every schema in the document (components, parameters, headers, bodies; nested properties and
 * items included) is closed and bounded, and keeps to the draft-4 subset API Gateway models support.
 */
class SchemaBoundsTest {

    private static final Set<String> DRAFT_4_SUBSET = Set.of(
            "type", "properties", "required", "additionalProperties", "items", "minItems", "maxItems",
            "minimum", "maximum", "minLength", "maxLength", "pattern", "enum", "default", "description", "$ref");

    /** Every schema, by its JSON pointer in the document. */
    private static final Map<String, JsonNode> SCHEMAS = everySchema();

    @Test
    void theDocument_hasSchemasToCheck() {
        assertThat(SCHEMAS).hasSizeGreaterThan(50).containsKey("/components/schemas/OrderRequest/properties/items/items");
    }

    @Test
    void everySchema_hasATypeOrIsOnlyAReference() {
        assertThat(offenders(schema -> schema.has("$ref") ? schema.size() == 1 : schema.has("type"))).isEmpty();
    }

    @Test
    void everySchema_keepsToTheDraft4SubsetApiGatewayModelsSupport() {
        assertThat(offenders(schema -> DRAFT_4_SUBSET.containsAll(OpenApiDocument.names(schema)))).isEmpty();
    }

    @Test
    void everyObjectSchema_forbidsAdditionalProperties() {
        assertThat(offenders(schema -> !isA("object", schema)
                || schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()))
                .isEmpty();
    }

    @Test
    void everyStringSchema_hasAMaxLengthOrAPatternOrAnEnum() {
        assertThat(offenders(schema -> !isA("string", schema)
                || schema.has("maxLength") || schema.has("pattern") || schema.has("enum"))).isEmpty();
    }

    @Test
    void everyPattern_isAnchoredAtBothEnds() {
        assertThat(offenders(schema -> !schema.has("pattern")
                || schema.path("pattern").asText().startsWith("^") && schema.path("pattern").asText().endsWith("$")))
                .isEmpty();
    }

    @Test
    void everyArraySchema_hasMaxItems() {
        assertThat(offenders(schema -> !isA("array", schema) || schema.has("maxItems"))).isEmpty();
    }

    @Test
    void everyIntegerSchema_hasAMinimumAndAMaximum() {
        assertThat(offenders(schema -> !isA("integer", schema) || schema.has("minimum") && schema.has("maximum")))
                .isEmpty();
    }

    @Test
    void everyRequiredProperty_isDeclared() {
        assertThat(offenders(schema -> schema.path("required").valueStream()
                .allMatch(name -> schema.path("properties").has(name.asText())))).isEmpty();
    }

    private static boolean isA(String type, JsonNode schema) {
        return type.equals(schema.path("type").asText());
    }

    private static List<String> offenders(Predicate<JsonNode> rule) {
        return SCHEMAS.entrySet().stream().filter(schema -> !rule.test(schema.getValue())).map(Map.Entry::getKey).toList();
    }

    private static Map<String, JsonNode> everySchema() {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        OpenApiDocument.tree().at("/components/schemas").properties()
                .forEach(named -> addSchema("/components/schemas/" + named.getKey(), named.getValue(), schemas));
        findSchemaFields("", OpenApiDocument.tree(), schemas);
        return schemas;
    }

    /** Finds the {@code schema} fields of parameters, headers and media types, outside the vendor extensions. */
    private static void findSchemaFields(String pointer, JsonNode node, Map<String, JsonNode> schemas) {
        for (int i = 0; i < node.size() && node.isArray(); i++) {
            findSchemaFields(pointer + "/" + i, node.get(i), schemas);
        }
        node.properties().forEach(field -> {
            String childPointer = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            if (field.getKey().equals("schema")) {
                addSchema(childPointer, field.getValue(), schemas);
            } else if (!field.getKey().startsWith("x-") && !field.getKey().equals("example")) {
                findSchemaFields(childPointer, field.getValue(), schemas);
            }
        });
    }

    private static void addSchema(String pointer, JsonNode schema, Map<String, JsonNode> schemas) {
        schemas.put(pointer, schema);
        schema.path("properties").properties()
                .forEach(property -> addSchema(pointer + "/properties/" + property.getKey(), property.getValue(), schemas));
        if (schema.has("items")) {
            addSchema(pointer + "/items", schema.get("items"), schemas);
        }
    }
}
