package dev.orderflow.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI document with its API Gateway extensions, placeholders filled in: the gateway's only source of
 * routes, scopes, schemas, validators, integrations and gateway responses.
 */
final class ApiDocument {

    /** Where the {@code orderflow-api} artifact puts the document. */
    static final String RESOURCE = "orderflow/api/openapi.yaml";

    /** API Gateway's own limit on a request body, used when the document names none. */
    private static final int API_GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** JSON Schema draft 4 (what API Gateway models are), told that the carried-along {@code components} is no keyword. */
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory
            .builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
            .metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV4())
                    .keyword(new NonValidationKeyword("components")).build())
            .build();
    /**
     * Patterns anchored as JSON Schema's ECMA-262 dialect anchors them ({@code $} is the end of the value); messages
     * name the failing place as {@code $.items[0].quantity}.
     */
    private static final SchemaValidatorsConfig SCHEMA_CONFIG = SchemaValidatorsConfig.builder()
            .regularExpressionFactory(EcmaScriptPatterns.INSTANCE)
            .pathType(PathType.LEGACY)
            .build();

    private final JsonNode tree;

    private ApiDocument(JsonNode tree) {
        this.tree = tree;
    }

    /** The document from the classpath, with {@code placeholders} substituted. */
    static ApiDocument fromClasspath(Map<String, String> placeholders) {
        try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (artifact dev.orderflow:orderflow-api)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), placeholders);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses YAML and substitutes {@code ${Name}} in every string value (comments are left alone). A placeholder
     * with no value stops the start, naming it.
     */
    static ApiDocument parse(String yaml, Map<String, String> placeholders) {
        try {
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            return new ApiDocument(substitute(tree, placeholders));
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not valid YAML", e);
        }
    }

    private static JsonNode substitute(JsonNode node, Map<String, String> placeholders) {
        if (node.isTextual()) {
            Matcher matcher = PLACEHOLDER.matcher(node.asText());
            StringBuilder replaced = new StringBuilder();
            while (matcher.find()) {
                String value = placeholders.get(matcher.group(1));
                if (value == null) {
                    throw new IllegalStateException("the OpenAPI document uses ${" + matcher.group(1)
                            + "}, which has no local value; known: " + placeholders.keySet());
                }
                matcher.appendReplacement(replaced, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(replaced);
            return TextNode.valueOf(replaced.toString());
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(field -> copy.set(field.getKey(), substitute(field.getValue(), placeholders)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(substitute(element, placeholders)));
            return copy;
        }
        return node;
    }

    int maxBodyBytes() {
        return tree.path("x-orderflow-max-body-bytes").asInt(API_GATEWAY_MAX_BODY_BYTES);
    }

    JsonNode gatewayResponses() {
        return tree.path("x-amazon-apigateway-gateway-responses");
    }

    /** Every operation under {@code paths}, in document order. */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        tree.path("paths").properties().forEach(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()) {
                    operations.add(operation(method.toUpperCase(), path.getKey(), path.getValue(), operation));
                }
            }
        });
        return operations;
    }

    private Operation operation(String method, String pathTemplate, JsonNode pathItem, JsonNode operation) {
        String name = method + " " + pathTemplate;
        List<Operation.Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : concat(pathItem.path("parameters"), operation.path("parameters"))) {
            JsonNode resolved = resolve(parameter);
            JsonNode schema = resolved.path("schema");
            parameters.add(new Operation.Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                    resolved.path("required").asBoolean(false),
                    schema.isMissingNode() ? null : compile(schema),
                    resolve(schema).path("type").asText("string")));
        }
        JsonNode requestBody = resolve(operation.path("requestBody"));
        Map<String, JsonSchema> bodySchemas = new LinkedHashMap<>();
        requestBody.path("content").properties().forEach(content -> {
            JsonNode schema = content.getValue().path("schema");
            if (!schema.isMissingNode()) {
                bodySchemas.put(content.getKey().toLowerCase(), compile(schema));
            }
        });
        JsonNode integration = operation.path("x-amazon-apigateway-integration");
        if (integration.isMissingNode()) {
            throw new IllegalStateException(name + " has no x-amazon-apigateway-integration");
        }
        return new Operation(method, pathTemplate, security(name, operation), validator(name, operation),
                List.copyOf(parameters), requestBody.path("required").asBoolean(false), Map.copyOf(bodySchemas),
                integration);
    }

    /** The operation's (else the document's) security requirement: a Cognito user pools authorizer and its scopes. */
    private Operation.Security security(String name, JsonNode operation) {
        JsonNode requirements = operation.has("security") ? operation.path("security") : tree.path("security");
        List<String> scopes = new ArrayList<>();
        boolean authorized = false;
        for (JsonNode requirement : requirements) {
            for (Map.Entry<String, JsonNode> scheme : requirement.properties()) {
                JsonNode definition = tree.path("components").path("securitySchemes").path(scheme.getKey());
                if (!"cognito_user_pools".equals(definition.path("x-amazon-apigateway-authtype").asText())) {
                    throw new IllegalStateException(name + " uses the security scheme " + scheme.getKey()
                            + ", which is not a Cognito user pools authorizer; the local gateway knows no other");
                }
                authorized = true;
                scheme.getValue().forEach(scope -> scopes.add(scope.asText()));
            }
        }
        return authorized ? new Operation.Security(true, List.copyOf(scopes)) : Operation.Security.NONE;
    }

    private Operation.Validation validator(String name, JsonNode operation) {
        JsonNode validatorName = operation.has("x-amazon-apigateway-request-validator")
                ? operation.path("x-amazon-apigateway-request-validator")
                : tree.path("x-amazon-apigateway-request-validator");
        if (validatorName.isMissingNode()) {
            return Operation.Validation.NONE;
        }
        JsonNode validator = tree.path("x-amazon-apigateway-request-validators").path(validatorName.asText());
        if (validator.isMissingNode()) {
            throw new IllegalStateException(name + " names the request validator " + validatorName.asText()
                    + ", which x-amazon-apigateway-request-validators does not define");
        }
        return new Operation.Validation(validator.path("validateRequestBody").asBoolean(false),
                validator.path("validateRequestParameters").asBoolean(false));
    }

    /**
     * A schema checked inside a draft-4 document that also holds the document's {@code components}, so that every
     * {@code #/components/schemas/...} reference resolves unchanged.
     */
    private JsonSchema compile(JsonNode schema) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.setAll((ObjectNode) schema.deepCopy());
        root.put("$schema", "http://json-schema.org/draft-04/schema#");
        root.set("components", tree.path("components").deepCopy());
        return SCHEMAS.getSchema(root, SCHEMA_CONFIG);
    }

    /** Follows a local {@code $ref}; any other node is returned as it is. */
    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.startsWith("#/") ? resolve(tree.at(ref.substring(1))) : node;
    }

    private static List<JsonNode> concat(JsonNode first, JsonNode second) {
        List<JsonNode> all = new ArrayList<>();
        first.forEach(all::add);
        second.forEach(all::add);
        return all;
    }
}
