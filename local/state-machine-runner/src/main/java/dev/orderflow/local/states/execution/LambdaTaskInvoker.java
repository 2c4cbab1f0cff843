package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.asl.ErrorNames;
import dev.orderflow.local.states.json.Json;
import dev.orderflow.local.states.lambda.FunctionError;
import dev.orderflow.local.states.lambda.FunctionRegistry;
import dev.orderflow.local.states.lambda.LambdaFunction;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Invokes registered functions as Step Functions invokes Lambda. The optimized integration
 * ({@code lambda:invoke}) takes {@code FunctionName} and {@code Payload} and answers the Invoke response
 * ({@code {Payload, StatusCode, ExecutedVersion, SdkHttpMetadata, SdkResponseMetadata}}); a plain function ARN
 * passes the arguments as the payload and answers the function's own output. A function error becomes the
 * error named by the runtime's {@code errorType}, with its error document as the cause.
 */
public final class LambdaTaskInvoker implements TaskInvoker {

    private final FunctionRegistry functions;

    public LambdaTaskInvoker(FunctionRegistry functions) {
        this.functions = functions;
    }

    @Override
    public JsonNode invoke(TaskResource resource, JsonNode arguments, long deadlineMillis) {
        return switch (resource.kind()) {
            case LAMBDA_INVOKE -> invokeIntegration(arguments, deadlineMillis);
            case LAMBDA_FUNCTION -> payload(call(resource.arn(), arguments, deadlineMillis, UUID.randomUUID().toString()));
            case SERVICE, ACTIVITY -> throw StatesError.of(ErrorNames.RUNTIME, "The local runner cannot call '"
                    + resource.arn() + "': only Lambda functions run in-process; mock this state in a mock config");
        };
    }

    private JsonNode invokeIntegration(JsonNode arguments, long deadlineMillis) {
        JsonNode functionName = arguments.path("FunctionName");
        if (!functionName.isTextual()) {
            throw StatesError.of(ErrorNames.RUNTIME, "The Parameters '" + Json.write(arguments)
                    + "' could not be used to start the Task: [The field 'FunctionName' is required]");
        }
        JsonNode payload = arguments.has("Payload") ? arguments.get("Payload") : Json.object();
        String requestId = UUID.randomUUID().toString();
        byte[] output = call(functionName.textValue(), payload, deadlineMillis, requestId);
        ObjectNode response = Json.object();
        response.put("ExecutedVersion", "$LATEST");
        response.set("Payload", payload(output));
        ObjectNode http = response.putObject("SdkHttpMetadata");
        ObjectNode headers = http.putObject("HttpHeaders");
        headers.put("Content-Type", "application/json");
        headers.put("X-Amz-Executed-Version", "$LATEST");
        headers.put("x-amzn-RequestId", requestId);
        http.put("HttpStatusCode", 200);
        response.putObject("SdkResponseMetadata").put("RequestId", requestId);
        response.put("StatusCode", 200);
        return response;
    }

    private byte[] call(String nameOrArn, JsonNode payload, long deadlineMillis, String requestId) {
        String name = FunctionRegistry.functionName(nameOrArn).orElse(nameOrArn);
        LambdaFunction function = functions.find(nameOrArn).orElseThrow(() -> StatesError.of(
                "Lambda.ResourceNotFoundException", "Function not found: " + functions.arnOf(name)
                        + " (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: "
                        + requestId + "; Proxy: null)"));
        try {
            return function.invoke(Json.write(payload).getBytes(StandardCharsets.UTF_8),
                    new LambdaFunction.Invocation(requestId, name, functions.arnOf(name), deadlineMillis));
        } catch (FunctionError e) {
            throw StatesError.of(e.error(), e.cause());
        }
    }

    /** The function's output as JSON: nothing is null, and text that is not JSON stays text. */
    private static JsonNode payload(byte[] output) {
        String text = new String(output, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return Json.NODES.nullNode();
        }
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            return Json.text(text);
        }
    }
}
