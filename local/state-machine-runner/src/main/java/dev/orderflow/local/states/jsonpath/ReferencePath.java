package dev.orderflow.local.states.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Reference Path: a JSONPath that names exactly one node ({@code $}, {@code $.a.b}, {@code $['a b']},
 * {@code $.list[2]}), the only kind ResultPath may use. It can write a value into a document, creating the
 * objects on the way that do not exist yet.
 */
public final class ReferencePath {

    private sealed interface Segment {
    }

    private record Field(String name) implements Segment {
    }

    private record Index(int index) implements Segment {
    }

    private final String text;
    private final List<Segment> segments;

    private ReferencePath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /** Parses a reference path, or answers empty when {@code text} is not one. */
    public static Optional<ReferencePath> parse(String text) {
        if (!text.startsWith("$") || text.startsWith("$$")) {
            return Optional.empty();
        }
        List<Segment> segments = new ArrayList<>();
        int at = 1;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '.') {
                int end = at + 1;
                while (end < text.length() && isNameChar(text.charAt(end))) {
                    end++;
                }
                if (end == at + 1) {
                    return Optional.empty();
                }
                segments.add(new Field(text.substring(at + 1, end)));
                at = end;
            } else if (c == '[') {
                int close = text.indexOf(']', at);
                if (close < 0) {
                    return Optional.empty();
                }
                String inside = text.substring(at + 1, close).strip();
                Optional<Segment> segment = bracketSegment(inside);
                if (segment.isEmpty()) {
                    return Optional.empty();
                }
                segments.add(segment.get());
                at = close + 1;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new ReferencePath(text, segments));
    }

    private static Optional<Segment> bracketSegment(String inside) {
        if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                || inside.startsWith("\"") && inside.endsWith("\""))) {
            return Optional.of(new Field(inside.substring(1, inside.length() - 1)));
        }
        if (!inside.isEmpty() && inside.chars().allMatch(Character::isDigit)) {
            return Optional.of(new Index(Integer.parseInt(inside)));
        }
        return Optional.empty();
    }

    private static boolean isNameChar(char c) {
        return c != '.' && c != '[' && c != ']' && c != '*' && c != '?' && c != '@' && c != '(' && c != ')'
                && c != '\'' && c != '"' && c != ',' && c != ':' && !Character.isWhitespace(c);
    }

    /**
     * A copy of {@code document} with {@code value} at this path; {@code $} replaces the document.
     *
     * @throws IllegalArgumentException when the document's shape does not let the value in (naming why)
     */
    public JsonNode put(JsonNode document, JsonNode value) {
        if (segments.isEmpty()) {
            return value;
        }
        JsonNode copy = document.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            parent = switch (segment) {
                case Field(String name) -> {
                    if (!(parent instanceof ObjectNode object)) {
                        throw new IllegalArgumentException("Unable to apply ResultPath \"" + text
                                + "\" to input " + Json.write(document) + ": '" + name + "' is not a field of an object");
                    }
                    if (last) {
                        object.set(name, value);
                        yield object;
                    }
                    JsonNode child = object.get(name);
                    if (child == null || !child.isContainerNode()) {
                        child = object.putObject(name);
                    }
                    yield child;
                }
                case Index(int index) -> {
                    if (!(parent instanceof ArrayNode array) || index >= array.size()) {
                        throw new IllegalArgumentException("Unable to apply ResultPath \"" + text
                                + "\" to input " + Json.write(document) + ": no array element " + index);
                    }
                    if (last) {
                        array.set(index, value);
                        yield array;
                    }
                    yield array.get(index);
                }
            };
        }
        return copy;
    }

    @Override
    public String toString() {
        return text;
    }
}
