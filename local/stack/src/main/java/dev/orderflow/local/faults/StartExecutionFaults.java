package dev.orderflow.local.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.workflow.Json;

import java.io.IOException;

/**
 * Step Functions refusing StartExecution, as the poller meets it, in {@code application/x-amz-json-1.0}: a share
 * of requests is throttled (HTTP 400, {@code {"__type": "ThrottlingException"}}), and the message of a share of
 * orders ({@link Fault#POISON_MESSAGE}, keyed by the execution name, which names the order) is refused every time
 * as {@code InvalidExecutionInput}, so it goes round until the redrive policy moves it to the DLQ. Every other
 * operation goes through untouched.
 */
final class StartExecutionFaults implements FaultProxy.Rule {

    static final String START_EXECUTION = "AWSStepFunctions.StartExecution";
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    static final String THROTTLING = "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded (injected fault)\"}";
    static final String INVALID_INPUT = "{\"__type\":\"InvalidExecutionInput\",\"message\":\"Invalid State Machine "
            + "Execution Input: 'refused for this order (injected fault)'\"}";

    private final Faults faults;

    /** Executions whose first start was throttled: the retry goes through (deterministic for a seed). */
    private final java.util.Set<String> throttledOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();

    StartExecutionFaults(Faults faults) {
        this.faults = faults;
    }

    @Override
    public FaultProxy.Verdict judge(FaultProxy.Request request) {
        if (!request.target().equals(START_EXECUTION)) {
            return FaultProxy.Verdict.FORWARD;
        }
        String name = executionName(request);
        if (!name.isEmpty() && faults.plan().strikes(Fault.POISON_MESSAGE, name)) {
            faults.record(Fault.POISON_MESSAGE);
            return new FaultProxy.Verdict.Answer(400, CONTENT_TYPE, INVALID_INPUT, false);
        }
        if (!name.isEmpty() && faults.plan().strikes(Fault.START_THROTTLE, name) && throttledOnce.add(name)) {
            faults.record(Fault.START_THROTTLE);
            return throttled();
        }
        return FaultProxy.Verdict.FORWARD;
    }

    private static String executionName(FaultProxy.Request request) {
        try {
            JsonNode body = Json.MAPPER.readTree(request.body());
            return body.path("name").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static FaultProxy.Verdict throttled() {
        return new FaultProxy.Verdict.Answer(400, CONTENT_TYPE, THROTTLING, false);
    }
}
