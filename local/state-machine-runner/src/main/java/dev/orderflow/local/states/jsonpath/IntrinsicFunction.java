package dev.orderflow.local.states.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.json.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed intrinsic function call such as {@code States.Format('{} items', States.ArrayLength($.items))}.
 * Arguments are literals, paths, or nested calls; a call is parsed once, when the definition is created, and
 * evaluated on every visit.
 */
public final class IntrinsicFunction {

    private static final String PREFIX = "States.";
    private static final int MAX_NESTING = 10;

    /** An argument: a literal, a path, or a nested call. */
    sealed interface Argument {
    }

    record Literal(JsonNode value, String raw) implements Argument {
    }

    record PathArgument(String path) implements Argument {
    }

    record Call(String name, List<Argument> arguments, String text) implements Argument {
    }

    private final Call call;

    private IntrinsicFunction(Call call) {
        this.call = call;
    }

    /** Whether a {@code .$} value is written as an intrinsic call rather than a path. */
    public static boolean looksLikeCall(String text) {
        return text.strip().startsWith(PREFIX);
    }

    /**
     * Parses a call.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static IntrinsicFunction parse(String text) {
        Parser parser = new Parser(text.strip());
        Call call = parser.call(0);
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw new IllegalArgumentException("unexpected text after the call: '" + parser.rest() + "'");
        }
        return new IntrinsicFunction(call);
    }

    /** Evaluates the call, resolving paths with {@code paths}. */
    public JsonNode evaluate(PathResolver paths) {
        return evaluate(call, paths);
    }

    private static JsonNode evaluate(Argument argument, PathResolver paths) {
        return switch (argument) {
            case Literal literal -> literal.value();
            case PathArgument(String path) -> paths.resolve(path);
            case Call nested -> {
                List<JsonNode> values = new ArrayList<>();
                for (Argument each : nested.arguments()) {
                    values.add(evaluate(each, paths));
                }
                yield IntrinsicFunctionLibrary.apply(nested, values);
            }
        };
    }

    @Override
    public String toString() {
        return call.text();
    }

    /** A small recursive-descent parser for the call syntax, with the escapes {@code \' \{ \} \\} in strings. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Call call(int depth) {
            if (depth >= MAX_NESTING) {
                throw new IllegalArgumentException("intrinsic functions can be nested at most " + MAX_NESTING + " deep");
            }
            int start = at;
            if (!text.startsWith(PREFIX, at)) {
                throw new IllegalArgumentException("expected a States.* function at position " + at);
            }
            int open = text.indexOf('(', at);
            if (open < 0) {
                throw new IllegalArgumentException("missing '(' after the function name");
            }
            String name = text.substring(at, open).strip();
            if (!IntrinsicFunctionLibrary.isKnown(name)) {
                throw new IllegalArgumentException("unknown intrinsic function " + name);
            }
            at = open + 1;
            List<Argument> arguments = new ArrayList<>();
            skipSpaces();
            if (peek() == ')') {
                at++;
            } else {
                while (true) {
                    skipSpaces();
                    arguments.add(argument(depth));
                    skipSpaces();
                    char c = next();
                    if (c == ')') {
                        break;
                    }
                    if (c != ',') {
                        throw new IllegalArgumentException("expected ',' or ')' at position " + (at - 1));
                    }
                }
            }
            Call call = new Call(name, List.copyOf(arguments), text.substring(start, at));
            IntrinsicFunctionLibrary.checkArity(call);
            return call;
        }

        private Argument argument(int depth) {
            char c = peek();
            if (c == '\'') {
                return string();
            }
            if (c == '$') {
                return new PathArgument(path());
            }
            if (text.startsWith(PREFIX, at)) {
                return call(depth + 1);
            }
            String token = token();
            return switch (token) {
                case "true", "false" -> new Literal(Json.NODES.booleanNode(
                        Boolean.parseBoolean(token)), token);
                case "null" -> new Literal(Json.NODES.nullNode(), token);
                default -> {
                    try {
                        yield new Literal(Json.number(new BigDecimal(token)), token);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + token + "' is not a valid argument");
                    }
                }
            };
        }

        /** A quoted string: the value has the escapes resolved; the raw form keeps them (for States.Format). */
        private Literal string() {
            at++;
            StringBuilder value = new StringBuilder();
            StringBuilder raw = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw new IllegalArgumentException("unterminated string literal");
                }
                char c = next();
                if (c == '\'') {
                    break;
                }
                if (c == '\\') {
                    if (atEnd()) {
                        throw new IllegalArgumentException("open escape '\\' at the end of a string");
                    }
                    char escaped = next();
                    if (escaped != '\'' && escaped != '{' && escaped != '}' && escaped != '\\') {
                        throw new IllegalArgumentException("invalid escape '\\" + escaped + "' in a string");
                    }
                    value.append(escaped);
                    raw.append('\\').append(escaped);
                } else {
                    value.append(c);
                    raw.append(c);
                }
            }
            return new Literal(Json.text(value.toString()), raw.toString());
        }

        /** A path runs to the next ',' or ')' outside brackets and quotes. */
        private String path() {
            int start = at;
            int brackets = 0;
            char quote = 0;
            while (!atEnd()) {
                char c = peek();
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '[' || c == '(') {
                    brackets++;
                } else if (c == ']' || (c == ')' && brackets > 0)) {
                    brackets--;
                } else if ((c == ',' || c == ')') && brackets == 0) {
                    break;
                }
                at++;
            }
            String path = text.substring(start, at).strip();
            if (!JsonPathScope.isValidPath(path)) {
                throw new IllegalArgumentException("'" + path + "' is not a valid path");
            }
            return path;
        }

        private String token() {
            int start = at;
            while (!atEnd() && peek() != ',' && peek() != ')' && !Character.isWhitespace(peek())) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("missing argument at position " + at);
            }
            return text.substring(start, at);
        }

        void skipSpaces() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                at++;
            }
        }

        boolean atEnd() {
            return at >= text.length();
        }

        String rest() {
            return text.substring(at);
        }

        private char peek() {
            if (atEnd()) {
                throw new IllegalArgumentException("unexpected end of the call");
            }
            return text.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }
    }
}
