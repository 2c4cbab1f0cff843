package dev.orderflow.local.gateway;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operation's request validator ({@code x-amazon-apigateway-request-validator}): parameters, then the body.
 *
 * <p>Parameters: each required one must be present and not empty, as API Gateway checks. API Gateway stops there;
 * the local gateway also checks each present value against its schema (pattern, enum, bounds), unless told not to,
 * so that a malformed id or key is refused at the door. Body: valid JSON (a repeated member name counts as malformed)
 * that fits the schema of its content type; a content type without a schema is not checked here (the integration
 * then refuses it when it has no template for it).
 */
final class RequestValidator {

    /**
     * Rejects {@code {"a": 1, "a": 2}} (the schema would check one value and a template could read the other) and
     * anything after the JSON value.
     */
    static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final boolean checkParameterSchemas;

    RequestValidator(boolean checkParameterSchemas) {
        this.checkParameterSchemas = checkParameterSchemas;
    }

    /** @throws GatewayError BAD_REQUEST_PARAMETERS or BAD_REQUEST_BODY, naming every problem */
    void validate(Call call) {
        Operation.Validation validation = call.operation().validation();
        if (validation.parameters()) {
            List<String> problems = parameterProblems(call);
            if (!problems.isEmpty()) {
                throw GatewayError.invalid(GatewayResponseType.BAD_REQUEST_PARAMETERS, problems);
            }
        }
        if (validation.body()) {
            List<String> problems = bodyProblems(call);
            if (!problems.isEmpty()) {
                throw GatewayError.invalid(GatewayResponseType.BAD_REQUEST_BODY, problems);
            }
        }
    }

    private List<String> parameterProblems(Call call) {
        List<String> missing = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (Operation.Parameter parameter : call.operation().parameters()) {
            Optional<String> value = call.methodRequestParameter("method.request." + location(parameter) + "." + parameter.name())
                    .filter(text -> !text.isEmpty());
            if (value.isEmpty()) {
                if (parameter.required()) {
                    missing.add(parameter.name());
                }
            } else if (checkParameterSchemas && parameter.schema() != null) {
                String label = parameter.in() + " parameter " + parameter.name();
                invalid.addAll(violations(parameter.schema(), typed(value.get(), parameter.type()), label));
            }
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("Missing required request parameters: " + missing);
        }
        problems.addAll(invalid);
        return problems;
    }

    private static String location(Operation.Parameter parameter) {
        return "query".equals(parameter.in()) ? "querystring" : parameter.in();
    }

    /** A parameter's text as the JSON value its schema expects; text that is no such value stays text (and fails). */
    private static JsonNode typed(String value, String type) {
        try {
            return switch (type) {
                case "integer" -> BigIntegerNode.valueOf(new BigInteger(value));
                case "number" -> DecimalNode.valueOf(new BigDecimal(value));
                case "boolean" -> "true".equals(value) || "false".equals(value)
                        ? BooleanNode.valueOf(Boolean.parseBoolean(value)) : TextNode.valueOf(value);
                default -> TextNode.valueOf(value);
            };
        } catch (NumberFormatException e) {
            return TextNode.valueOf(value);
        }
    }

    private static List<String> bodyProblems(Call call) {
        JsonSchema schema = call.operation().bodySchemas().get(call.request().mediaType());
        if (schema == null) {
            return List.of();
        }
        if (call.request().body().length == 0) {
            return call.operation().bodyRequired() ? List.of("a request body is required") : List.of();
        }
        JsonNode body;
        try {
            body = STRICT_JSON.readTree(call.request().body());
        } catch (JsonProcessingException e) {
            return List.of("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return List.of("malformed JSON");
        }
        return violations(schema, body, "$");
    }

    /** The schema's messages, each starting with where it failed ({@code $.items[0].quantity}, or {@code label}). */
    private static List<String> violations(JsonSchema schema, JsonNode value, String label) {
        return schema.validate(value).stream()
                .map(ValidationMessage::getMessage)
                .map(message -> message.startsWith("$") ? label + message.substring(1) : message)
                .sorted()
                .toList();
    }
}
