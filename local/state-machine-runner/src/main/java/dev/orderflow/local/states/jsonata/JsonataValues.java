package dev.orderflow.local.states.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.json.Json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Converts between JSON trees and the plain Java values the JSONata engine works on. */
final class JsonataValues {

    private JsonataValues() {
    }

    static Object toJsonata(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                node.properties().forEach(e -> map.put(e.getKey(), toJsonata(e.getValue())));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(element -> list.add(toJsonata(element)));
                yield list;
            }
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            case NUMBER -> number(node);
            default -> Jsonata.NULL_VALUE;
        };
    }

    /** Whole numbers that fit a long stay exact; everything else is a double, as JSONata computes with. */
    private static Object number(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        BigDecimal decimal = node.decimalValue().stripTrailingZeros();
        if (decimal.scale() <= 0 && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return decimal.longValue();
        }
        return decimal.doubleValue();
    }

    /** The JSON form of a JSONata result; empty for values JSON cannot hold (functions). */
    static Optional<JsonNode> fromJsonata(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE) {
            return Optional.of(Json.NODES.nullNode());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = Json.object();
            for (var entry : map.entrySet()) {
                if (entry.getValue() == null) {
                    continue; // an undefined member is no member
                }
                Optional<JsonNode> member = fromJsonata(entry.getValue());
                if (member.isEmpty()) {
                    return Optional.empty();
                }
                object.set(String.valueOf(entry.getKey()), member.get());
            }
            return Optional.of(object);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = Json.NODES.arrayNode();
            for (Object element : list) {
                if (element == null) {
                    continue;
                }
                Optional<JsonNode> converted = fromJsonata(element);
                if (converted.isEmpty()) {
                    return Optional.empty();
                }
                array.add(converted.get());
            }
            return Optional.of(array);
        }
        return switch (value) {
            case String text -> Optional.of(Json.text(text));
            case Boolean bool -> Optional.of(Json.NODES.booleanNode(bool));
            case BigDecimal decimal -> Optional.of(Json.number(decimal));
            case BigInteger integer -> Optional.of(Json.number(new BigDecimal(integer)));
            case Double d when d.isNaN() || d.isInfinite() -> Optional.empty();
            case Float f when f.isNaN() || f.isInfinite() -> Optional.empty();
            case Double d -> Optional.of(Json.number(BigDecimal.valueOf(d)));
            case Float f -> Optional.of(Json.number(BigDecimal.valueOf(f.doubleValue())));
            case Number n -> Optional.of(Json.NODES.numberNode(n.longValue()));
            default -> Optional.empty();
        };
    }
}
