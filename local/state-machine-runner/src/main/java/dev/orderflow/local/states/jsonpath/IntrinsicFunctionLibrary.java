package dev.orderflow.local.states.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.json.Json;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/** The documented intrinsic functions, with their argument rules and limits. */
final class IntrinsicFunctionLibrary {

    private static final int MAX_ARRAY_RANGE = 1000;
    private static final int MAX_ENCODED_LENGTH = 10_000;
    private static final Map<String, String> HASH_ALGORITHMS = Map.of(
            "MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256", "SHA-384", "SHA-384", "SHA-512", "SHA-512");

    /** name → {min, max} number of arguments (max -1: any). */
    private static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("States.Format", new int[] {1, -1}),
            Map.entry("States.StringToJson", new int[] {1, 1}),
            Map.entry("States.JsonToString", new int[] {1, 1}),
            Map.entry("States.Array", new int[] {0, -1}),
            Map.entry("States.ArrayPartition", new int[] {2, 2}),
            Map.entry("States.ArrayContains", new int[] {2, 2}),
            Map.entry("States.ArrayRange", new int[] {3, 3}),
            Map.entry("States.ArrayGetItem", new int[] {2, 2}),
            Map.entry("States.ArrayLength", new int[] {1, 1}),
            Map.entry("States.ArrayUnique", new int[] {1, 1}),
            Map.entry("States.Base64Encode", new int[] {1, 1}),
            Map.entry("States.Base64Decode", new int[] {1, 1}),
            Map.entry("States.Hash", new int[] {2, 2}),
            Map.entry("States.JsonMerge", new int[] {3, 3}),
            Map.entry("States.MathRandom", new int[] {2, 3}),
            Map.entry("States.MathAdd", new int[] {2, 2}),
            Map.entry("States.StringSplit", new int[] {2, 2}),
            Map.entry("States.UUID", new int[] {0, 0}));

    private IntrinsicFunctionLibrary() {
    }

    static boolean isKnown(String name) {
        return ARITY.containsKey(name);
    }

    static void checkArity(IntrinsicFunction.Call call) {
        int[] bounds = ARITY.get(call.name());
        int count = call.arguments().size();
        if (count < bounds[0] || bounds[1] >= 0 && count > bounds[1]) {
            String expected = bounds[1] < 0 ? "at least " + bounds[0]
                    : bounds[0] == bounds[1] ? String.valueOf(bounds[0]) : bounds[0] + " to " + bounds[1];
            throw new IllegalArgumentException(call.name() + " takes " + expected + " argument(s), got " + count);
        }
    }

    static JsonNode apply(IntrinsicFunction.Call call, List<JsonNode> args) {
        try {
            return switch (call.name()) {
                case "States.Format" -> format(call, args);
                case "States.StringToJson" -> stringToJson(string(args, 0));
                case "States.JsonToString" -> Json.text(Json.write(args.getFirst()));
                case "States.Array" -> array(args);
                case "States.ArrayPartition" -> partition(array(args, 0), positiveInteger(args, 1, "chunk size"));
                case "States.ArrayContains" -> Json.NODES.booleanNode(contains(array(args, 0), args.get(1)));
                case "States.ArrayRange" -> range(integer(args, 0), integer(args, 1), integer(args, 2));
                case "States.ArrayGetItem" -> item(array(args, 0), integer(args, 1));
                case "States.ArrayLength" -> Json.NODES.numberNode(array(args, 0).size());
                case "States.ArrayUnique" -> unique(array(args, 0));
                case "States.Base64Encode" -> Json.text(Base64.getEncoder().encodeToString(
                        limited(string(args, 0)).getBytes(StandardCharsets.UTF_8)));
                case "States.Base64Decode" -> Json.text(new String(
                        Base64.getDecoder().decode(limited(string(args, 0))), StandardCharsets.UTF_8));
                case "States.Hash" -> hash(args.get(0), string(args, 1));
                case "States.JsonMerge" -> merge(args);
                case "States.MathRandom" -> random(args);
                case "States.MathAdd" -> add(args);
                case "States.StringSplit" -> split(string(args, 0), string(args, 1));
                case "States.UUID" -> Json.text(UUID.randomUUID().toString());
                default -> throw new IllegalStateException("parsed calls name known functions: " + call.name());
            };
        } catch (IllegalArgumentException e) {
            throw new IntrinsicFailure("The function '" + call.text() + "' had the following error: " + e.getMessage());
        }
    }

    private static JsonNode format(IntrinsicFunction.Call call, List<JsonNode> args) {
        IntrinsicFunction.Argument first = call.arguments().getFirst();
        String template = first instanceof IntrinsicFunction.Literal literal && args.getFirst().isTextual()
                ? literal.raw() : string(args, 0);
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw new IllegalArgumentException("the template has more {} than there are arguments");
                }
                out.append(formatted(args.get(next++)));
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw new IllegalArgumentException("the template has fewer {} than there are arguments");
        }
        return Json.text(out.toString());
    }

    private static String formatted(JsonNode value) {
        return value.isTextual() ? value.textValue() : Json.write(value);
    }

    private static JsonNode stringToJson(String text) {
        if (text.isBlank()) {
            return Json.NODES.nullNode();
        }
        return Json.parse(text);
    }

    private static ArrayNode array(List<JsonNode> values) {
        ArrayNode array = Json.NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static JsonNode partition(ArrayNode array, int size) {
        ArrayNode chunks = Json.NODES.arrayNode();
        for (int start = 0; start < array.size(); start += size) {
            ArrayNode chunk = chunks.addArray();
            for (int i = start; i < Math.min(start + size, array.size()); i++) {
                chunk.add(array.get(i));
            }
        }
        return chunks;
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (Json.equivalent(element, value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode range(long first, long last, long step) {
        if (step == 0) {
            throw new IllegalArgumentException("the step must not be 0");
        }
        ArrayNode range = Json.NODES.arrayNode();
        for (long value = first; step > 0 ? value <= last : value >= last; value += step) {
            if (range.size() == MAX_ARRAY_RANGE) {
                throw new IllegalArgumentException("the range has more than " + MAX_ARRAY_RANGE + " items");
            }
            range.add(value);
        }
        return range;
    }

    private static JsonNode item(ArrayNode array, long index) {
        if (index < 0 || index >= array.size()) {
            throw new IllegalArgumentException("The index provided is out of bounds: " + index
                    + " (the array has " + array.size() + " items)");
        }
        return array.get((int) index);
    }

    private static JsonNode unique(ArrayNode array) {
        ArrayNode unique = Json.NODES.arrayNode();
        for (JsonNode element : array) {
            if (!contains(unique, element)) {
                unique.add(element);
            }
        }
        return unique;
    }

    private static JsonNode hash(JsonNode data, String algorithm) {
        String name = HASH_ALGORITHMS.get(algorithm);
        if (name == null) {
            throw new IllegalArgumentException("the hash algorithm must be one of " + HASH_ALGORITHMS.keySet()
                    + ", got '" + algorithm + "'");
        }
        String text = limited(data.isTextual() ? data.textValue() : Json.write(data));
        try {
            byte[] digest = MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8));
            return Json.text(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + name, e);
        }
    }

    private static JsonNode merge(List<JsonNode> args) {
        if (!args.get(0).isObject() || !args.get(1).isObject()) {
            throw new IllegalArgumentException("both values to merge must be JSON objects");
        }
        if (!args.get(2).isBoolean()) {
            throw new IllegalArgumentException("isDeepMerge must be a boolean");
        }
        if (args.get(2).booleanValue()) {
            throw new IllegalArgumentException("only shallow merging is supported: isDeepMerge must be false");
        }
        ObjectNode merged = args.get(0).deepCopy();
        merged.setAll((ObjectNode) args.get(1).deepCopy());
        return merged;
    }

    private static JsonNode random(List<JsonNode> args) {
        long start = integer(args, 0);
        long end = integer(args, 1);
        if (end < start) {
            throw new IllegalArgumentException("the end must not be less than the start");
        }
        Random random = args.size() == 3 ? new Random(integer(args, 2)) : ThreadLocalRandom.current();
        return Json.NODES.numberNode(start + (long) (random.nextDouble() * (end - start + 1)));
    }

    private static JsonNode add(List<JsonNode> args) {
        long sum = integer(args, 0) + integer(args, 1);
        if (sum < Integer.MIN_VALUE || sum > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the sum " + sum + " is outside the 32-bit integer range");
        }
        return Json.NODES.numberNode(sum);
    }

    private static JsonNode split(String text, String delimiters) {
        ArrayNode parts = Json.NODES.arrayNode();
        StringTokenizer tokens = new StringTokenizer(text, delimiters);
        while (tokens.hasMoreTokens()) {
            parts.add(tokens.nextToken());
        }
        return parts;
    }

    private static String limited(String text) {
        if (text.length() > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("the input is longer than " + MAX_ENCODED_LENGTH + " characters");
        }
        return text;
    }

    private static String string(List<JsonNode> args, int index) {
        return argument(args, index, "a string", JsonNode::isTextual).textValue();
    }

    private static ArrayNode array(List<JsonNode> args, int index) {
        return (ArrayNode) argument(args, index, "an array", JsonNode::isArray);
    }

    /** An integer argument; a number with a fraction is rounded, as Step Functions does. */
    private static long integer(List<JsonNode> args, int index) {
        return argument(args, index, "an integer", JsonNode::isNumber).decimalValue()
                .setScale(0, RoundingMode.HALF_UP).longValue();
    }

    private static JsonNode argument(List<JsonNode> args, int index, String expected, Predicate<JsonNode> test) {
        JsonNode value = args.get(index);
        if (!test.test(value)) {
            throw new IllegalArgumentException("argument " + (index + 1) + " must be " + expected + ", got "
                    + Json.typeName(value) + " " + Json.write(value));
        }
        return value;
    }

    private static int positiveInteger(List<JsonNode> args, int index, String what) {
        long value = integer(args, index);
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the " + what + " must be a positive integer, got " + value);
        }
        return (int) value;
    }

}
