package dev.orderflow.local.states.lambda;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions Task states can invoke, by name. A function is found from any of the forms Lambda accepts as
 * {@code FunctionName}: its name, {@code name:qualifier}, a partial ARN ({@code 123456789012:function:name}) or
 * a full ARN, with or without a version or alias.
 */
public final class FunctionRegistry {

    private static final Pattern FULL_ARN =
            Pattern.compile("^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$");
    private static final Pattern PARTIAL_ARN = Pattern.compile("^[0-9]{12}:function:([^:]+)(?::[^:]+)?$");
    private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9_-]+)(?::[^:]+)?$");

    private final Map<String, LambdaFunction> functions = new ConcurrentHashMap<>();
    private final String region;
    private final String account;

    public FunctionRegistry(String region, String account) {
        this.region = region;
        this.account = account;
    }

    /** Registers a function under its name (taken from an ARN if {@code nameOrArn} is one). */
    public String register(String nameOrArn, LambdaFunction function) {
        String name = functionName(nameOrArn).orElseThrow(() ->
                new IllegalArgumentException("'" + nameOrArn + "' is neither a function name nor a function ARN"));
        functions.put(name, function);
        return arnOf(name);
    }

    public Optional<LambdaFunction> find(String nameOrArn) {
        return functionName(nameOrArn).map(functions::get);
    }

    public String arnOf(String name) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
    }

    /** The function name in any accepted form of FunctionName. */
    public static Optional<String> functionName(String nameOrArn) {
        for (Pattern pattern : new Pattern[] {FULL_ARN, PARTIAL_ARN, NAME}) {
            Matcher matcher = pattern.matcher(nameOrArn);
            if (matcher.matches()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
