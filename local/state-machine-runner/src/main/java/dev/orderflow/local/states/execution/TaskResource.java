package dev.orderflow.local.states.execution;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Task state's Resource names, and how its history events describe it: the optimized Lambda integration
 * ({@code arn:aws:states:::lambda:invoke}, events {@code Task*} with resourceType {@code lambda}), a plain
 * function ARN (events {@code LambdaFunction*}), or any other service integration or activity, which only a mock
 * config can answer here.
 */
public record TaskResource(Kind kind, String arn, String resourceType, String resource) {

    public enum Kind { LAMBDA_INVOKE, LAMBDA_FUNCTION, SERVICE, ACTIVITY }

    private static final Pattern SERVICE = Pattern.compile("^arn:[^:]+:states:[^:]*:[^:]*:(.+):([^:]+)$");
    private static final Pattern FUNCTION = Pattern.compile("^arn:[^:]+:lambda:[^:]*:[^:]*:function:.+$");
    private static final Pattern ACTIVITY = Pattern.compile("^arn:[^:]+:states:[^:]*:[^:]*:activity:.+$");

    static TaskResource parse(String arn) {
        if (FUNCTION.matcher(arn).matches()) {
            return new TaskResource(Kind.LAMBDA_FUNCTION, arn, "lambda", arn);
        }
        if (ACTIVITY.matcher(arn).matches()) {
            return new TaskResource(Kind.ACTIVITY, arn, "activity", arn);
        }
        Matcher service = SERVICE.matcher(arn);
        if (service.matches()) {
            String type = service.group(1);
            String action = service.group(2);
            Kind kind = type.equals("lambda") && action.equals("invoke") ? Kind.LAMBDA_INVOKE : Kind.SERVICE;
            return new TaskResource(kind, arn, type, action);
        }
        return new TaskResource(Kind.SERVICE, arn, "unknown", arn);
    }

    /** Whether history uses the LambdaFunction* events (a plain function ARN) rather than the Task* events. */
    boolean isLegacyLambda() {
        return kind == Kind.LAMBDA_FUNCTION;
    }
}
