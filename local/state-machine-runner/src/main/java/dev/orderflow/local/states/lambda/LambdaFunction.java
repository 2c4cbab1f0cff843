package dev.orderflow.local.states.lambda;

/** A function the runner can invoke: JSON bytes in, JSON bytes out, as the Lambda service moves them. */
public interface LambdaFunction {

    /**
     * Invokes the function once.
     *
     * @throws FunctionError when the function fails (the Lambda runtime's error document in hand)
     */
    byte[] invoke(byte[] payload, Invocation invocation);

    /** Who is invoked, and how long it may take. */
    record Invocation(String requestId, String functionName, String functionArn, long deadlineMillis) {
    }
}
