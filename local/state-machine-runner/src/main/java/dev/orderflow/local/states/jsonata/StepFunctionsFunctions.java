package dev.orderflow.local.states.jsonata;

import com.dashjoin.jsonata.Jsonata;
import dev.orderflow.local.states.json.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The functions Step Functions adds to JSONata ({@code $partition}, {@code $range}, {@code $hash}, {@code $random},
 * {@code $uuid}, {@code $parse}), and {@code $now}/{@code $millis} read from the execution's own clock, so that
 * virtual time shows in expressions too.
 */
final class StepFunctionsFunctions {

    private static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    private static final Jsonata.JFunction PARTITION = Jsonata.function("partition",
            (Jsonata.FnVarArgs<Object>) StepFunctionsFunctions::partition, null);
    private static final Jsonata.JFunction RANGE = Jsonata.function("range",
            (Jsonata.FnVarArgs<Object>) StepFunctionsFunctions::range, null);
    private static final Jsonata.JFunction HASH = Jsonata.function("hash",
            (Jsonata.FnVarArgs<Object>) StepFunctionsFunctions::hash, null);
    private static final Jsonata.JFunction RANDOM = Jsonata.function("random",
            (Jsonata.FnVarArgs<Object>) StepFunctionsFunctions::random, null);
    private static final Jsonata.JFunction UUID_FUNCTION = Jsonata.function("uuid",
            (Jsonata.FnVarArgs<Object>) args -> UUID.randomUUID().toString(), null);
    private static final Jsonata.JFunction PARSE = Jsonata.function("parse",
            (Jsonata.FnVarArgs<Object>) StepFunctionsFunctions::parse, null);

    private StepFunctionsFunctions() {
    }

    static void bindTo(Jsonata.Frame frame, Instant now) {
        frame.bind("partition", PARTITION);
        frame.bind("range", RANGE);
        frame.bind("hash", HASH);
        frame.bind("random", RANDOM);
        frame.bind("uuid", UUID_FUNCTION);
        frame.bind("parse", PARSE);
        frame.bind("now", Jsonata.function("now", (Jsonata.FnVarArgs<Object>) args -> now.toString(), null));
        frame.bind("millis", Jsonata.function("millis", (Jsonata.FnVarArgs<Object>) args -> now.toEpochMilli(), null));
    }

    private static Object partition(List<?> args) {
        List<?> array = list(args, 0, "$partition");
        long size = integer(args, 1, "$partition");
        if (size <= 0) {
            throw new IllegalArgumentException("$partition: the chunk size must be a positive integer");
        }
        List<Object> chunks = new ArrayList<>();
        for (int start = 0; start < array.size(); start += (int) size) {
            chunks.add(new ArrayList<>(array.subList(start, (int) Math.min(start + size, array.size()))));
        }
        return chunks;
    }

    private static Object range(List<?> args) {
        long start = integer(args, 0, "$range");
        long end = integer(args, 1, "$range");
        long step = integer(args, 2, "$range");
        if (step == 0) {
            throw new IllegalArgumentException("$range: the step must not be 0");
        }
        List<Object> values = new ArrayList<>();
        for (long value = start; step > 0 ? value <= end : value >= end; value += step) {
            if (values.size() == 1000) {
                throw new IllegalArgumentException("$range: the range has more than 1000 items");
            }
            values.add(value);
        }
        return values;
    }

    private static Object hash(List<?> args) {
        if (args.size() != 2 || !(args.get(1) instanceof String algorithm) || !HASH_ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("$hash: the algorithm must be one of " + HASH_ALGORITHMS);
        }
        String data = args.getFirst() instanceof String text ? text
                : Json.write(JsonataValues.fromJsonata(args.getFirst()).orElseThrow(
                        () -> new IllegalArgumentException("$hash: the value cannot be hashed")));
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }

    private static Object random(List<?> args) {
        Random random = args.isEmpty() || args.getFirst() == null
                ? ThreadLocalRandom.current() : new Random(integer(args, 0, "$random"));
        return random.nextDouble();
    }

    private static Object parse(List<?> args) {
        if (args.isEmpty() || !(args.getFirst() instanceof String text)) {
            throw new IllegalArgumentException("$parse: the argument must be a string of JSON");
        }
        return JsonataValues.toJsonata(Json.parse(text));
    }

    private static List<?> list(List<?> args, int index, String function) {
        if (args.size() <= index || !(args.get(index) instanceof List<?> list)) {
            throw new IllegalArgumentException(function + ": argument " + (index + 1) + " must be an array");
        }
        return list;
    }

    private static long integer(List<?> args, int index, String function) {
        if (args.size() <= index || !(args.get(index) instanceof Number number)
                || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new IllegalArgumentException(function + ": argument " + (index + 1) + " must be an integer");
        }
        return number.longValue();
    }
}
