package dev.orderflow.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.List;

/**
 * Validates JSON against the document's schemas the way API Gateway models do: as JSON Schema
 * draft 4. A schema is checked inside a draft-4 document that also holds the document's
 * {@code components}, so every {@code #/components/schemas/...} reference resolves unchanged.
 */
final class Draft4Schemas {

    /** Draft 4, told that the {@code components} carried along for the references is no keyword. */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory
            .builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
            .metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV4()).keyword(new NonValidationKeyword("components")).build())
            .build();

    private Draft4Schemas() {
    }

    /** What is wrong with {@code json} against the component schema {@code name}; empty when it is valid. */
    static List<String> violations(String name, JsonNode json) {
        return violations(JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/" + name), json);
    }

    /** What is wrong with {@code json} against {@code schema} (inline or a reference); empty when it is valid. */
    static List<String> violations(JsonNode schema, JsonNode json) {
        ObjectNode root = schema.deepCopy();
        root.put("$schema", "http://json-schema.org/draft-04/schema#");
        root.set("components", OpenApiDocument.tree().path("components").deepCopy());
        JsonSchema validator = FACTORY.getSchema(root);
        return validator.validate(json).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
