package dev.orderflow.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reading and writing the JSON payloads of workflow steps (stream handlers), with errors that name the field.
 * The payload shapes are documented in {@code statemachine/order-workflow.asl.json} and the function classes.
 */
public final class StepPayloads {

    private StepPayloads() {
    }

    public static ObjectNode read(InputStream input) throws IOException {
        JsonNode payload;
        try {
            payload = Json.MAPPER.readTree(input);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("payload is not JSON: " + e.getOriginalMessage());
        }
        if (payload == null || !payload.isObject()) {
            throw new MalformedMessageException("payload must be a JSON object");
        }
        return (ObjectNode) payload;
    }

    public static void write(OutputStream output, JsonNode result) throws IOException {
        output.write(Json.MAPPER.writeValueAsBytes(result));
    }

    public static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedMessageException(field + " is missing or not a non-empty string");
        }
        return value.asText();
    }

    /** A required object field converted to a record type (e.g. {@code Pricing}). */
    public static <T> T value(JsonNode payload, String field, Class<T> type) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedMessageException(field + " is missing");
        }
        try {
            return Json.MAPPER.treeToValue(value, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedMessageException(field + " is not a valid " + type.getSimpleName(), e);
        }
    }

    /** An optional whole number: null when absent or JSON null. */
    public static Long optionalLong(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new MalformedMessageException(field + " must be a whole number");
        }
        return value.asLong();
    }

    public static long requiredLong(JsonNode payload, String field) {
        Long value = optionalLong(payload, field);
        if (value == null) {
            throw new MalformedMessageException(field + " is missing");
        }
        return value;
    }
}
