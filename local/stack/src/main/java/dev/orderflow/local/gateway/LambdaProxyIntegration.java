package dev.orderflow.local.gateway;


import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.lambda.LambdaFunction;
import dev.orderflow.local.states.lambda.LocalLambdaContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.lang.System.Logger.Level.WARNING;

/**
 * A {@code type: aws_proxy} integration with a Lambda function, invoked in process. The request becomes the JSON
 * event API Gateway's REST proxy sends, which the Lambda runtime's own serializers turn into the handler's
 * {@link APIGatewayProxyRequestEvent}; the handler's response goes back through them to JSON, and that JSON
 * becomes the answer (status, headers, multi-value headers, body, base64). A handler that throws, or answers
 * without a status code, is a 502 with DEFAULT_5XX's body, as API Gateway answers.
 */
final class LambdaProxyIntegration implements Integration {

    private static final System.Logger LOG = System.getLogger(LambdaProxyIntegration.class.getName());
    private static final Pattern LAMBDA_URI =
            Pattern.compile("arn:aws:apigateway:[^:]+:lambda:path/2015-03-31/functions/(.+)/invocations");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** API Gateway's longest integration timeout, given to the handler as its remaining time. */
    private static final Duration TIMEOUT = Duration.ofSeconds(29);

    private final String functionArn;
    private final String functionName;
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler;
    private final PojoSerializer<APIGatewayProxyRequestEvent> requestSerializer;
    private final PojoSerializer<APIGatewayProxyResponseEvent> responseSerializer;
    private final Clock clock;

    /** @param handler null when none is registered for the function: every call then answers 500 */
    LambdaProxyIntegration(String functionArn, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler,
                           Clock clock) {
        this.functionArn = functionArn;
        int name = functionArn.indexOf(":function:");
        this.functionName = name < 0 ? functionArn : functionArn.substring(name + ":function:".length()).split(":")[0];
        this.handler = handler;
        ClassLoader loader = handler == null ? getClass().getClassLoader() : handler.getClass().getClassLoader();
        this.requestSerializer = LambdaEventSerializers.serializerFor(APIGatewayProxyRequestEvent.class, loader);
        this.responseSerializer = LambdaEventSerializers.serializerFor(APIGatewayProxyResponseEvent.class, loader);
        this.clock = clock;
    }

    /** The function ARN inside an integration uri ({@code arn:aws:apigateway:...:lambda:path/.../functions/ARN/invocations}). */
    static String functionArn(Operation operation) {
        String uri = operation.integration().path("uri").asText();
        Matcher matcher = LAMBDA_URI.matcher(uri);
        if (!matcher.matches()) {
            throw new IllegalStateException(operation.name() + ": not a Lambda proxy integration uri: " + uri);
        }
        return matcher.group(1);
    }

    @Override
    public GatewayAnswer invoke(Call call) {
        if (handler == null) {
            LOG.log(WARNING, "no handler registered for {0}; request {1} answered 500", functionArn, call.request().requestId());
            throw GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR);
        }
        APIGatewayProxyRequestEvent event = requestSerializer.fromJson(event(call));
        APIGatewayProxyResponseEvent response;
        try {
            response = handler.handleRequest(event, context());
        } catch (Exception e) {
            LOG.log(WARNING, "handler " + functionArn + " failed on request " + call.request().requestId(), e);
            throw GatewayError.of(GatewayResponseType.DEFAULT_5XX, 502);
        }
        if (response == null) {
            throw malformed(call, "no response");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        responseSerializer.toJson(response, out);
        try {
            return answer(call, JSON.readTree(out.toByteArray()));
        } catch (IOException e) {
            throw malformed(call, e.getMessage());
        }
    }

    /** The REST proxy event, as JSON. */
    private static String event(Call call) {
        MethodRequest request = call.request();
        ObjectNode event = JSON.createObjectNode();
        event.put("resource", call.operation().pathTemplate());
        event.put("path", request.path());
        event.put("httpMethod", request.httpMethod());
        putValues(event, "headers", "multiValueHeaders", request.headers());
        putValues(event, "queryStringParameters", "multiValueQueryStringParameters", request.query());
        if (call.pathParameters().isEmpty()) {
            event.putNull("pathParameters");
        } else {
            event.set("pathParameters", JSON.valueToTree(call.pathParameters()));
        }
        event.putNull("stageVariables");
        Map<String, Object> requestContext = call.contextVariables();
        requestContext.remove("responseOverride");
        event.set("requestContext", JSON.valueToTree(requestContext));
        if (request.body().length == 0) {
            event.putNull("body");
        } else {
            event.put("body", request.bodyText());
        }
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    /** Last values under {@code single}, all under {@code multi}; both null when there are none, as API Gateway sends. */
    private static void putValues(ObjectNode event, String single, String multi, Map<String, List<String>> values) {
        if (values.isEmpty()) {
            event.putNull(single);
            event.putNull(multi);
            return;
        }
        ObjectNode last = event.putObject(single);
        ObjectNode all = event.putObject(multi);
        values.forEach((name, list) -> {
            last.put(name, list.getLast());
            list.forEach(all.putArray(name)::add);
        });
    }

    private GatewayAnswer answer(Call call, JsonNode response) {
        if (!response.path("statusCode").canConvertToInt()) {
            throw malformed(call, "no statusCode");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(header ->
                headers.computeIfAbsent(header.getKey(), any -> new ArrayList<>()).add(header.getValue().asText()));
        response.path("multiValueHeaders").properties().forEach(header -> header.getValue().forEach(value -> {
            List<String> list = headers.computeIfAbsent(header.getKey(), any -> new ArrayList<>());
            if (!list.contains(value.asText())) {
                list.add(value.asText());
            }
        }));
        JsonNode body = response.path("body");
        byte[] bytes;
        try {
            bytes = !body.isTextual() ? new byte[0]
                    : response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body.asText())
                    : body.asText().getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(call, "body is not base64");
        }
        return new GatewayAnswer(response.path("statusCode").asInt(), headers, bytes);
    }

    private GatewayError malformed(Call call, String why) {
        LOG.log(WARNING, "malformed Lambda proxy response from {0} on request {1}: {2}",
                functionArn, call.request().requestId(), why);
        return GatewayError.of(GatewayResponseType.DEFAULT_5XX, 502);
    }

    /** What the handler is told of itself: the function behind this route and the integration's time limit. */
    private LocalLambdaContext context() {
        return new LocalLambdaContext(new LambdaFunction.Invocation(UUID.randomUUID().toString(), functionName,
                functionArn, clock.millis() + TIMEOUT.toMillis()));
    }
}
