package dev.orderflow.local.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.lambda.FunctionError;
import dev.orderflow.local.states.lambda.LambdaFunction;
import dev.orderflow.workflow.Json;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A workflow function that fails as the plan says, the way Step Functions would see it fail:
 * <ul>
 *   <li>{@link Fault#LAMBDA_SERVICE_ERROR}: the Lambda service refuses the invocation before the function runs,
 *       with {@code Lambda.ServiceException} or {@code Lambda.TooManyRequestsException} (not a function error);</li>
 *   <li>{@link Fault#LAMBDA_TIMEOUT}: the function does its work, then answers only after the task's deadline,
 *       so the runner's own TimeoutSeconds ends the attempt ({@code States.Timeout}) with the work done;</li>
 *   <li>{@link Fault#CRASHING_ORDER} (persist-order only): the function throws on every call for the order.</li>
 * </ul>
 * Each decision is keyed by the function, the order, the step and the attempt, so a seed replays the same faults.
 */
final class FaultyFunction implements LambdaFunction {

    /** How long past the task's deadline a timed-out invocation would still have run. */
    private static final long OVERSTAY_MILLIS = 2_000;

    private final String name;
    private final LambdaFunction real;
    private final Faults faults;
    private final boolean crashesOnPoisonOrders;
    private final ConcurrentMap<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    FaultyFunction(String name, LambdaFunction real, Faults faults, boolean crashesOnPoisonOrders) {
        this.name = name;
        this.real = real;
        this.faults = faults;
        this.crashesOnPoisonOrders = crashesOnPoisonOrders;
    }

    @Override
    public byte[] invoke(byte[] payload, Invocation invocation) {
        Step step = Step.of(payload);
        int attempt = attempts.computeIfAbsent(name + "|" + step.key(), k -> new AtomicInteger()).incrementAndGet();
        String key = decisionKey(name, step, attempt);
        FaultPlan plan = faults.plan();
        if (crashesOnPoisonOrders && step.order() != null && plan.strikes(Fault.CRASHING_ORDER, step.order())) {
            faults.record(Fault.CRASHING_ORDER);
            throw functionError(new IllegalStateException("injected fault: " + name + " cannot handle order "
                    + step.order()));
        }
        if (plan.strikes(Fault.LAMBDA_SERVICE_ERROR, key)) {
            faults.record(Fault.LAMBDA_SERVICE_ERROR);
            throw serviceError(plan.uniform(Fault.LAMBDA_SERVICE_ERROR, key + "|kind") < 0.5, invocation);
        }
        if (plan.strikes(Fault.LAMBDA_TIMEOUT, key)) {
            faults.record(Fault.LAMBDA_TIMEOUT);
            real.invoke(payload, invocation);
            overstay(invocation.deadlineMillis() + OVERSTAY_MILLIS);
            throw new FunctionError("Sandbox.Timedout", "{\"errorMessage\": \"Task timed out (injected fault)\"}");
        }
        return real.invoke(payload, invocation);
    }

    /** What a per-attempt decision is keyed by: the function, the order and step, and the attempt (from 1). */
    static String decisionKey(String function, Step step, int attempt) {
        return function + "|" + step.key() + "|" + attempt;
    }

    /** Waits until {@code until}, or until the runner gives up on the attempt (and interrupts this thread). */
    private static void overstay(long until) {
        while (System.currentTimeMillis() < until && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkUntil(until);
        }
    }

    /** As Step Functions reports a Lambda service error: the SDK exception's name and message. */
    private static FunctionError serviceError(boolean tooManyRequests, Invocation invocation) {
        String requestId = UUID.randomUUID().toString();
        if (tooManyRequests) {
            return new FunctionError("Lambda.TooManyRequestsException", "Rate Exceeded. (Service: AWSLambda; Status "
                    + "Code: 429; Error Code: TooManyRequestsException; Request ID: " + requestId + "; Proxy: null)");
        }
        return new FunctionError("Lambda.ServiceException", "An error occurred while invoking "
                + invocation.functionName() + " (injected fault) (Service: AWSLambda; Status Code: 500; Error Code: "
                + "ServiceException; Request ID: " + requestId + "; Proxy: null)");
    }

    /** As the Lambda Java runtime reports an exception escaping the handler. */
    private static FunctionError functionError(RuntimeException thrown) {
        String type = thrown.getClass().getName();
        var document = Json.MAPPER.createObjectNode();
        document.put("errorMessage", thrown.getMessage());
        document.put("errorType", type);
        document.putArray("stackTrace");
        return new FunctionError(type, document.toString());
    }

    /**
     * What an invocation is about: the order ({@code userId/orderId}, when the payload names them) and the step
     * (persist-order's action and change kind). Anything unreadable is keyed by its length only.
     */
    record Step(String order, String key) {

        static Step of(byte[] payload) {
            JsonNode json;
            try {
                json = Json.MAPPER.readTree(payload);
            } catch (IOException e) {
                return new Step(null, "unreadable-" + payload.length);
            }
            JsonNode change = json.path("change");
            JsonNode source = change.isObject() ? change : json;
            String orderId = source.path("orderId").asText("");
            String userId = source.path("userId").asText("");
            String order = orderId.isEmpty() ? null : userId + "/" + orderId;
            String action = json.path("action").asText("VALIDATE");
            String kind = change.path("kind").asText("");
            return new Step(order, action + "|" + kind + "|" + order);
        }
    }
}
