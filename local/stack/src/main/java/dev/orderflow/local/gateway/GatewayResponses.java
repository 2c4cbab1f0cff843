package dev.orderflow.local.gateway;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the gateway's own answers from the document's {@code x-amazon-apigateway-gateway-responses}: the type's
 * entry, else DEFAULT_4XX / DEFAULT_5XX by status, else API Gateway's built-in {@code {"message": ...}}.
 *
 * <p>As in API Gateway, the templates get plain variable substitution, no VTL: {@code $context.error.message},
 * {@code $context.error.messageString} (the message as a quoted JSON string), {@code $context.error.responseType},
 * {@code $context.error.validationErrorString}, and the request's {@code $context.*} (e.g. {@code requestId}).
 * One difference: API Gateway inserts validationErrorString unescaped, so a quote in it breaks a JSON template;
 * here it is JSON-escaped, so the answer stays JSON.
 */
final class GatewayResponses {

    private static final String BUILT_IN_TEMPLATE = "{\"message\": $context.error.messageString}";
    /** {@code $context.a.b}, {@code $!context.a.b} or {@code ${context.a.b}}: the name in group 1 or 2. */
    private static final String NAME = "context(?:\\.[A-Za-z_][A-Za-z0-9_:-]*)+";
    private static final Pattern VARIABLE = Pattern.compile("\\$!?(?:\\{(" + NAME + ")}|(" + NAME + "))");

    private final JsonNode responses;

    GatewayResponses(JsonNode responses) {
        this.responses = responses;
    }

    /**
     * @param context    {@code $context} of the request as far as it got (at least {@code requestId})
     * @param parameters method request values for {@code method.request.*} header mappings
     */
    GatewayAnswer render(GatewayError error, Map<String, Object> context, Function<String, Optional<String>> parameters) {
        JsonNode response = responses.path(error.type().name());
        if (response.isMissingNode()) {
            response = responses.path(error.type().fallback().name());
        }
        int status = response.hasNonNull("statusCode") ? response.path("statusCode").asInt() : error.status();

        Map<String, Object> errorVariables = Map.of(
                "message", error.getMessage(),
                "messageString", "\"" + jsonEscape(error.getMessage()) + "\"",
                "responseType", error.type().name(),
                "validationErrorString", jsonEscape(error.validationErrorString()));
        Map<String, Object> variables = new LinkedHashMap<>(context);
        variables.put("error", errorVariables);

        Map.Entry<String, String> template = template(response);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(template.getKey()));
        response.path("responseParameters").properties().forEach(parameter -> {
            String name = parameter.getKey();
            if (name.startsWith("gatewayresponse.header.")) {
                ParameterMapping.value(parameter.getValue().asText(), parameters).ifPresent(value -> {
                    String header = name.substring("gatewayresponse.header.".length());
                    headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(header));
                    headers.put(header, List.of(value));
                });
            }
        });
        String body = substitute(template.getValue(), variables);
        return new GatewayAnswer(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON template when there is one, else the first; API Gateway's built-in one when there is none. */
    private static Map.Entry<String, String> template(JsonNode response) {
        JsonNode templates = response.path("responseTemplates");
        if (templates.has("application/json")) {
            return Map.entry("application/json", templates.path("application/json").asText());
        }
        return templates.properties().stream().findFirst()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue().asText()))
                .orElse(Map.entry("application/json", BUILT_IN_TEMPLATE));
    }

    /** Replaces each {@code $context.a.b} by its value; an unknown variable becomes empty text, as in API Gateway. */
    private static String substitute(String template, Map<String, Object> variables) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = variables;
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String[] path = name.split("\\.");
            for (int i = 1; i < path.length && value != null; i++) {
                value = value instanceof Map<?, ?> map ? map.get(path[i]) : null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null || value instanceof Map ? "" : value.toString()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String jsonEscape(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
