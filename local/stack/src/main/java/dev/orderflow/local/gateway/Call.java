package dev.orderflow.local.gateway;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A routed, authorized request: what the validator and the integrations work on.
 *
 * @param claims the verified token's claims as strings (empty for an operation without authorizer)
 */
record Call(Stage stage, MethodRequest request, Operation operation, Map<String, String> pathParameters,
            Map<String, String> claims) {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * {@code $context} for mapping templates, in the shape of a REST proxy event's {@code requestContext}, plus a
     * fresh, mutable {@code responseOverride} ({@code status}, {@code header}).
     */
    Map<String, Object> contextVariables() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("resourceId", Integer.toHexString(operation.pathTemplate().hashCode()));
        context.put("resourcePath", operation.pathTemplate());
        context.put("httpMethod", request.httpMethod());
        context.put("extendedRequestId", request.requestId());
        context.put("requestTime", REQUEST_TIME.format(Instant.ofEpochMilli(request.requestTimeEpoch())));
        context.put("path", request.contextPath());
        context.put("accountId", stage.accountId());
        context.put("protocol", "HTTP/1.1");
        context.put("stage", stage.name());
        context.put("domainPrefix", stage.apiId());
        context.put("requestTimeEpoch", request.requestTimeEpoch());
        context.put("requestId", request.requestId());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("sourceIp", request.sourceIp());
        identity.put("userAgent", request.header("User-Agent").orElse(null));
        context.put("identity", identity);
        context.put("domainName", request.header("Host").orElse(stage.apiId()));
        context.put("apiId", stage.apiId());
        if (operation.security().required()) {
            context.put("authorizer", Map.of("claims", Map.copyOf(claims)));
        }
        Map<String, Object> responseOverride = new LinkedHashMap<>();
        responseOverride.put("header", new LinkedHashMap<String, Object>());
        context.put("responseOverride", responseOverride);
        return context;
    }

    /** {@code $input.params()}: path, querystring and header parameters, each by name with its last value. */
    Map<String, Map<String, String>> params() {
        Map<String, String> query = new LinkedHashMap<>();
        request.query().forEach((name, values) -> query.put(name, values.getLast()));
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> headers.put(name, values.getLast()));
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        params.put("path", new LinkedHashMap<>(pathParameters));
        params.put("querystring", query);
        params.put("header", headers);
        return params;
    }

    /** A method request value named as in a parameter mapping: {@code method.request.(path|querystring|header).NAME}. */
    Optional<String> methodRequestParameter(String expression) {
        String[] parts = expression.split("\\.", 4);
        if (parts.length < 4 || !"method".equals(parts[0]) || !"request".equals(parts[1])) {
            return Optional.empty();
        }
        return switch (parts[2]) {
            case "path" -> Optional.ofNullable(pathParameters.get(parts[3]));
            case "querystring" -> request.queryParameter(parts[3]);
            case "header" -> request.header(parts[3]);
            default -> Optional.empty();
        };
    }
}
