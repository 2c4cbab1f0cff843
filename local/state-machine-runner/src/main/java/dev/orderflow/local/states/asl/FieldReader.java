package dev.orderflow.local.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads typed fields of one JSON object of a definition, recording a problem (with the field's location) for
 * each field that is there but has the wrong type. Absent fields are simply empty.
 */
final class FieldReader {

    static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";

    private final ObjectNode node;
    private final String location;
    private final List<InvalidDefinitionException.Problem> problems;

    FieldReader(ObjectNode node, String location, List<InvalidDefinitionException.Problem> problems) {
        this.node = node;
        this.location = location;
        this.problems = problems;
    }

    String location() {
        return location;
    }

    String location(String field) {
        return location + "/" + field;
    }

    ObjectNode node() {
        return node;
    }

    boolean has(String field) {
        return node.has(field);
    }

    Optional<JsonNode> raw(String field) {
        return Optional.ofNullable(node.get(field));
    }

    void problem(String message) {
        problems.add(new InvalidDefinitionException.Problem(SCHEMA, message, location));
    }

    void problem(String field, String message) {
        problems.add(new InvalidDefinitionException.Problem(SCHEMA, message, location(field)));
    }

    Optional<String> text(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            problem(field, "The field '" + field + "' must be a string");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    Optional<String> requiredText(String field) {
        if (!node.has(field)) {
            problem("These fields are required: [" + field + "]");
            return Optional.empty();
        }
        return text(field);
    }

    /** An integer within bounds; a non-integer or out-of-range value is a problem. */
    Optional<Integer> integer(String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || value.longValue() < min || value.longValue() > max) {
            problem(field, "The value for the field '" + field + "' must be an integer between " + min
                    + " and " + max);
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    Optional<Double> number(String field, double min) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber() || value.doubleValue() < min) {
            problem(field, "The value for the field '" + field + "' must be a number not less than " + min);
            return Optional.empty();
        }
        return Optional.of(value.doubleValue());
    }

    Optional<ObjectNode> object(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof ObjectNode object)) {
            problem(field, "The field '" + field + "' must be a JSON object");
            return Optional.empty();
        }
        return Optional.of(object);
    }

    /** A non-empty array of objects, each with its location. */
    List<FieldReader> objects(String field) {
        return objects(field, false);
    }

    /** An array of objects (Retry and Catch may be empty), each with its location. */
    List<FieldReader> objects(String field, boolean mayBeEmpty) {
        JsonNode value = node.get(field);
        List<FieldReader> readers = new ArrayList<>();
        if (value == null) {
            return readers;
        }
        if (!value.isArray() || value.isEmpty() && !mayBeEmpty) {
            problem(field, "Value cannot be empty");
            return readers;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) instanceof ObjectNode element) {
                readers.add(new FieldReader(element, location(field) + "[" + i + "]", problems));
            } else {
                problem(field, "Each element of '" + field + "' must be a JSON object");
            }
        }
        return readers;
    }

    /** A non-empty array of strings. */
    List<String> strings(String field) {
        JsonNode value = node.get(field);
        List<String> strings = new ArrayList<>();
        if (value == null || !value.isArray() || value.isEmpty()) {
            problem(field, "The field '" + field + "' must be a non-empty array of strings");
            return strings;
        }
        for (JsonNode element : value) {
            if (element.isTextual()) {
                strings.add(element.textValue());
            } else {
                problem(field, "The field '" + field + "' must be a non-empty array of strings");
            }
        }
        return strings;
    }

    FieldReader nested(ObjectNode child, String field) {
        return new FieldReader(child, location(field), problems);
    }
}
