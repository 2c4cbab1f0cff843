package dev.orderflow.local.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client's request as the gateway received it, before routing.
 *
 * @param path        the path below the gateway's base path, decoded, e.g. {@code /orders/abc}
 * @param rawPath     the same, still percent-encoded (for routing)
 * @param contextPath the full request path as {@code $context.path} shows it (base path included)
 * @param headers     header names in their usual capitalisation (see {@link LocalGateway}), values in order
 * @param query       query string parameters, decoded, values in order
 */
record MethodRequest(String requestId, long requestTimeEpoch, String httpMethod, String path, String rawPath, String contextPath,
                     Map<String, List<String>> headers, Map<String, List<String>> query, byte[] body,
                     String sourceIp) {

    /** The last value of a header, by name in any letter case (API Gateway keeps the last of repeated headers). */
    Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(header -> header.getValue().getLast())
                .findFirst();
    }

    /** The last value of a query string parameter. */
    Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getLast());
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The Content-Type's media type in lower case, without parameters; API Gateway assumes JSON when there is none. */
    String mediaType() {
        return header("Content-Type")
                .map(value -> value.split(";", 2)[0].trim().toLowerCase())
                .filter(value -> !value.isEmpty())
                .orElse("application/json");
    }
}
