package dev.orderflow.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code type: aws} integration with SQS, as API Gateway runs it: the request template for the request's content
 * type (none, with {@code passthroughBehavior: never}: 415) renders the call; it is POSTed to
 * {@code <sqsEndpoint>/<path from the uri>} (the queue URL) with the headers of {@code requestParameters}; SQS's
 * status picks the integration response ({@code selectionPattern} matched against the status code, else
 * {@code default}); its template renders the answer, with {@code $input} now SQS's response and the same
 * {@code $context}, whose {@code responseOverride} status and headers then apply.
 *
 * <p>Unlike API Gateway, the call is not SigV4-signed with the integration's {@code credentials}: the local SQS
 * endpoint (ElasticMQ) does not check signatures.
 */
final class SqsIntegration implements Integration {

    private static final Pattern SQS_URI = Pattern.compile("arn:aws:apigateway:[^:]+:sqs:path/(.+)");
    /** API Gateway's longest integration timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(29);

    private final URI target;
    private final String passthroughBehavior;
    private final Map<String, String> requestTemplates;
    private final Map<String, String> requestParameters;
    private final List<IntegrationResponse> responses;
    private final HttpClient http;
    private final MappingTemplates templates;

    SqsIntegration(Operation operation, URI sqsEndpoint, HttpClient http, MappingTemplates templates) {
        JsonNode integration = operation.integration();
        Matcher uri = SQS_URI.matcher(integration.path("uri").asText());
        if (!uri.matches()) {
            throw new IllegalStateException(operation.name() + ": the local gateway runs AWS integrations with SQS only, not "
                    + integration.path("uri").asText());
        }
        String endpoint = sqsEndpoint.toString().replaceAll("/+$", "");
        this.target = URI.create(endpoint + "/" + uri.group(1));
        this.passthroughBehavior = integration.path("passthroughBehavior").asText("when_no_match");
        this.requestTemplates = templateMap(integration.path("requestTemplates"));
        this.requestParameters = textMap(integration.path("requestParameters"));
        List<IntegrationResponse> all = new ArrayList<>();
        IntegrationResponse fallback = null;
        for (var response : integration.path("responses").properties()) {
            IntegrationResponse parsed = new IntegrationResponse(
                    "default".equals(response.getKey()) ? null : Pattern.compile(response.getKey()),
                    response.getValue().path("statusCode").asInt(200),
                    templateMap(response.getValue().path("responseTemplates")),
                    textMap(response.getValue().path("responseParameters")));
            if (parsed.selection() == null) {
                fallback = parsed;
            } else {
                all.add(parsed);
            }
        }
        if (fallback != null) {
            all.add(fallback);
        }
        this.responses = List.copyOf(all);
        this.http = http;
        this.templates = templates;
    }

    /** The URL the integration calls: the queue URL. */
    URI target() {
        return target;
    }

    @Override
    public GatewayAnswer invoke(Call call) {
        Map<String, Object> context = call.contextVariables();
        HttpResponse<String> sqs = send(call, requestBody(call, context));
        IntegrationResponse response = responses.stream()
                .filter(candidate -> candidate.selects(sqs.statusCode()))
                .findFirst()
                .orElseThrow(() -> GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR));

        Map<String, List<String>> headers = new LinkedHashMap<>();
        byte[] body;
        Optional<Map.Entry<String, String>> template = response.template(call.request().header("Accept"));
        if (template.isPresent()) {
            String rendered = templates.render(template.get().getValue(),
                    new InputVariable(call.params(), sqs.body()), context);
            headers.put("Content-Type", List.of(template.get().getKey()));
            body = rendered.getBytes(StandardCharsets.UTF_8);
        } else {
            sqs.headers().firstValue("Content-Type").ifPresent(type -> headers.put("Content-Type", List.of(type)));
            body = sqs.body().getBytes(StandardCharsets.UTF_8);
        }
        response.parameters().forEach((name, expression) -> {
            if (name.startsWith("method.response.header.")) {
                ParameterMapping.value(expression, source -> integrationValue(source, call, sqs))
                        .ifPresent(value -> headers.put(name.substring("method.response.header.".length()), List.of(value)));
            }
        });
        GatewayAnswer answer = new GatewayAnswer(response.statusCode(), headers, body);
        return applyOverride(answer, context);
    }

    private String requestBody(Call call, Map<String, Object> context) {
        String template = requestTemplates.get(call.request().mediaType());
        if (template != null) {
            return templates.render(template, new InputVariable(call.params(), call.request().bodyText()), context);
        }
        boolean passThrough = switch (passthroughBehavior) {
            case "when_no_match" -> true;
            case "when_no_templates" -> requestTemplates.isEmpty();
            default -> false;
        };
        if (!passThrough) {
            throw GatewayError.of(GatewayResponseType.UNSUPPORTED_MEDIA_TYPE);
        }
        return call.request().bodyText();
    }

    private HttpResponse<String> send(Call call, String body) {
        StringJoiner query = new StringJoiner("&");
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        requestParameters.forEach((name, expression) -> ParameterMapping.value(expression, call::methodRequestParameter)
                .ifPresent(value -> {
                    if (name.startsWith("integration.request.header.")) {
                        request.header(name.substring("integration.request.header.".length()), value);
                    } else if (name.startsWith("integration.request.querystring.")) {
                        query.add(encode(name.substring("integration.request.querystring.".length())) + "=" + encode(value));
                    }
                }));
        request.uri(query.length() == 0 ? target : URI.create(target + "?" + query));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw GatewayError.of(GatewayResponseType.INTEGRATION_TIMEOUT);
        } catch (IOException e) {
            System.getLogger(SqsIntegration.class.getName()).log(System.Logger.Level.WARNING,
                    "SQS call failed for request {0}: {1}", call.request().requestId(), e.toString());
            throw GatewayError.of(GatewayResponseType.INTEGRATION_FAILURE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GatewayError.of(GatewayResponseType.INTEGRATION_FAILURE);
        }
    }

    private static Optional<String> integrationValue(String source, Call call, HttpResponse<String> sqs) {
        if (source.startsWith("integration.response.header.")) {
            return sqs.headers().firstValue(source.substring("integration.response.header.".length()));
        }
        if (source.equals("integration.response.body")) {
            return Optional.of(sqs.body());
        }
        return call.methodRequestParameter(source);
    }

    /** {@code $context.responseOverride}: a status and headers a response template set. */
    @SuppressWarnings("unchecked")
    private static GatewayAnswer applyOverride(GatewayAnswer answer, Map<String, Object> context) {
        Map<String, Object> override = (Map<String, Object>) context.get("responseOverride");
        GatewayAnswer result = answer;
        Object status = override.get("status");
        if (status != null) {
            result = new GatewayAnswer(Integer.parseInt(status.toString().trim()), result.headers(), result.body());
        }
        if (override.get("header") instanceof Map<?, ?> headers) {
            for (Map.Entry<?, ?> header : headers.entrySet()) {
                if (header.getValue() != null) {
                    result = result.withHeader(header.getKey().toString(), header.getValue().toString());
                }
            }
        }
        return result;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Map<String, String> textMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }

    /** Templates by media type, in lower case as {@link MethodRequest#mediaType()} gives it. */
    private static Map<String, String> templateMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(entry -> map.put(entry.getKey().toLowerCase(), entry.getValue().asText()));
        return map;
    }

    /** An integration response; {@code selection} null for {@code default}. */
    private record IntegrationResponse(Pattern selection, int statusCode, Map<String, String> templates,
                                       Map<String, String> parameters) {

        boolean selects(int status) {
            return selection == null || selection.matcher(Integer.toString(status)).matches();
        }

        /** The template for the Accept header's media type, else JSON's, else the first. */
        Optional<Map.Entry<String, String>> template(Optional<String> accept) {
            String wanted = accept.map(value -> value.split("[;,]", 2)[0].trim().toLowerCase()).orElse("");
            for (String type : List.of(wanted, "application/json")) {
                if (templates.containsKey(type)) {
                    return Optional.of(Map.entry(type, templates.get(type)));
                }
            }
            return templates.entrySet().stream().findFirst();
        }
    }
}
