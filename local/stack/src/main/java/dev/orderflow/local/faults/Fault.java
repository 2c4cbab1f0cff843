package dev.orderflow.local.faults;

/**
 * The faults the local stack can inject, each something the cloud really does now and then. {@code share} scales
 * the plan's rate into this fault's probability: per invocation, request, order, batch or message, as named.
 */
public enum Fault {

    LAMBDA_SERVICE_ERROR(1.0, "function",
            "a validate/persist invocation fails as the Lambda service does (Lambda.ServiceException or "
                    + "Lambda.TooManyRequestsException), per invocation"),
    LAMBDA_TIMEOUT(0.05, "function",
            "a validate/persist invocation does its work but answers after the task's TimeoutSeconds, per invocation"),
    CRASHING_ORDER(0.1, "function",
            "persist-order crashes on every call for the order (poison data; the workflow cannot record it), "
                    + "per order"),
    DYNAMODB_THROTTLE(0.25, "DynamoDB", "400 ThrottlingException, per request"),
    DYNAMODB_ERROR(0.125, "DynamoDB", "500 InternalServerError, half of them after the request was applied, per request"),
    DYNAMODB_RESET(0.125, "DynamoDB", "the connection closes without an answer, per request"),
    DYNAMODB_OUTAGE(1.0, "DynamoDB",
            "outage windows (rate x 5 s of every 10 s): every request refused or throttled, per request"),
    START_THROTTLE(0.25, "Step Functions",
            "StartExecution answers 400 ThrottlingException to the first start of an execution, per execution"),
    POISON_MESSAGE(0.1, "Step Functions",
            "StartExecution refuses the order's message every time (InvalidExecutionInput): it ends in the DLQ, "
                    + "per order"),
    POLLER_RESTART(0.5, "poller",
            "the poller dies right after handling a batch (its deletes skipped), is stopped and restarted, per batch"),
    SQS_DUPLICATE(0.5, "SQS", "a message is handed to two pollers at once, per message");

    private final double share;
    private final String layer;
    private final String description;

    Fault(double share, String layer, String description) {
        this.share = share;
        this.layer = layer;
        this.description = description;
    }

    /** This fault's probability at the plan's {@code rate} (capped at 1). */
    public double probability(double rate) {
        return Math.min(1.0, share * rate);
    }

    public String layer() {
        return layer;
    }

    public String description() {
        return description;
    }
}
