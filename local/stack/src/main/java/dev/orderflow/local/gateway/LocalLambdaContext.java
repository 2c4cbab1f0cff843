package dev.orderflow.local.gateway;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The Lambda context an in-process invocation gets: its own request id, the function's names, a deadline. */
final class LocalLambdaContext implements Context {

    private static final int MEMORY_MB = 512;

    private final String awsRequestId = UUID.randomUUID().toString();
    private final String functionArn;
    private final String functionName;
    private final Instant deadline;
    private final Clock clock;
    private final LambdaLogger logger;

    LocalLambdaContext(String functionArn, Instant deadline, Clock clock) {
        this.functionArn = functionArn;
        int name = functionArn.indexOf(":function:");
        this.functionName = name < 0 ? functionArn : functionArn.substring(name + ":function:".length()).split(":")[0];
        this.deadline = deadline;
        this.clock = clock;
        System.Logger log = System.getLogger("lambda." + functionName);
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                log.log(System.Logger.Level.INFO, message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline.toEpochMilli() - clock.millis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return MEMORY_MB;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
