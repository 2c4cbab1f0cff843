package dev.orderflow.local.faults;

import java.util.Optional;

/**
 * DynamoDB as it misbehaves: inside an outage window every request is refused (odd windows) or throttled (even
 * ones); outside, a share of requests is throttled, answered 500 (half of them after being applied) or left
 * without an answer. The answers are DynamoDB's own: HTTP 400 with a {@code ThrottlingException} {@code __type},
 * HTTP 500 with {@code InternalServerError}, in {@code application/x-amz-json-1.0}.
 */
final class DynamoDbFaults implements FaultProxy.Rule {

    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    static final String THROTTLING = """
            {"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException",\
            "message":"Rate of requests exceeds the allowed throughput. (injected fault)"}""";
    static final String INTERNAL_ERROR = """
            {"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError",\
            "message":"Internal server error (injected fault)"}""";

    private final Faults faults;

    DynamoDbFaults(Faults faults) {
        this.faults = faults;
    }

    @Override
    public FaultProxy.Verdict judge(FaultProxy.Request request) {
        Optional<Long> outage = faults.outageNow();
        if (outage.isPresent()) {
            faults.record(Fault.DYNAMODB_OUTAGE);
            return outage.get() % 2 == 0 ? FaultProxy.Verdict.DROP : throttled();
        }
        if (faults.draw(Fault.DYNAMODB_THROTTLE)) {
            faults.record(Fault.DYNAMODB_THROTTLE);
            return throttled();
        }
        if (faults.draw(Fault.DYNAMODB_ERROR)) {
            faults.record(Fault.DYNAMODB_ERROR);
            return new FaultProxy.Verdict.Answer(500, CONTENT_TYPE, INTERNAL_ERROR, faults.coin());
        }
        if (faults.draw(Fault.DYNAMODB_RESET)) {
            faults.record(Fault.DYNAMODB_RESET);
            return FaultProxy.Verdict.DROP;
        }
        return FaultProxy.Verdict.FORWARD;
    }

    static FaultProxy.Verdict throttled() {
        return new FaultProxy.Verdict.Answer(400, CONTENT_TYPE, THROTTLING, false);
    }
}
