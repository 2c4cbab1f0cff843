package dev.orderflow.local.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One row of a request table: a name, the request as it goes on the wire (method, path with its query, headers,
 * body) and the status it must get. The caller's access token is added when the row is sent, unless the row says
 * {@link #withoutToken()}; a row that sets {@code Authorization} itself keeps its own.
 *
 * <pre>{@code
 * HttpCase.of("quantity: zero", "POST", "/orders", 400).json("{\"restaurantId\": ...}")
 * }</pre>
 */
record HttpCase(String name, String method, String path, List<Header> headers, byte[] body, boolean withToken,
                int expectedStatus) {

    record Header(String name, String value) {
    }

    HttpCase {
        headers = List.copyOf(headers);
        body = body.clone();
    }

    /** A request without body or headers; {@link #json}, {@link #header} and the like add them. */
    static HttpCase of(String name, String method, String path, int expectedStatus) {
        return new HttpCase(name, method, path, List.of(), new byte[0], true, expectedStatus);
    }

    /** The body as UTF-8 text, sent as {@code application/json} unless the row sets another content type. */
    HttpCase json(String text) {
        HttpCase withBody = body(text.getBytes(StandardCharsets.UTF_8));
        return withBody.headerValue("Content-Type").isPresent() ? withBody
                : withBody.header("Content-Type", "application/json");
    }

    /** The body exactly as given (for bytes that are not valid UTF-8), without setting a content type. */
    HttpCase body(byte[] bytes) {
        return new HttpCase(name, method, path, headers, bytes, withToken, expectedStatus);
    }

    /** Adds a header (a name given twice is sent twice); a {@code Content-Type} replaces the one there. */
    HttpCase header(String headerName, String value) {
        List<Header> all = new ArrayList<>(headers);
        if (headerName.equalsIgnoreCase("Content-Type")) {
            all.removeIf(header -> header.name().equalsIgnoreCase(headerName));
        }
        all.add(new Header(headerName, value));
        return new HttpCase(name, method, path, all, body, withToken, expectedStatus);
    }

    /** Sent without the caller's token. */
    HttpCase withoutToken() {
        return new HttpCase(name, method, path, headers, body, false, expectedStatus);
    }

    /** The first value of a header this row sets. */
    Optional<String> headerValue(String headerName) {
        return headers.stream().filter(header -> header.name().equalsIgnoreCase(headerName))
                .map(Header::value).findFirst();
    }

    @Override
    public String toString() {
        return name;
    }
}
