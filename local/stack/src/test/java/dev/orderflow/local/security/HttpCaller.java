package dev.orderflow.local.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.local.stack.Endpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of the local stack over real HTTP, as curl would be: tokens from the token URL with client_credentials,
 * and requests sent exactly as a {@link HttpCase} describes them.
 */
final class HttpCaller {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** An answer as received: status, content type and body text. */
    record Answer(int status, String contentType, String body) {

        /**
         * The answer's {@code {"message": ...}}; fails the test unless the body is a JSON object whose message is
         * non-blank text.
         */
        String message() {
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the answer is not JSON: " + this, e);
            }
            assertThat(json != null && json.isObject()).as("a JSON object: %s", this).isTrue();
            assertThat(json.path("message").isTextual()).as("a text message: %s", this).isTrue();
            assertThat(json.path("message").asText()).as("the message of %s", this).isNotBlank();
            return json.path("message").asText();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Endpoints endpoints;

    HttpCaller(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** An access token from the token URL (client_credentials, HTTP Basic), as the README's curl line gets one. */
    String accessToken(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        Answer answer = send(HttpRequest.newBuilder(endpoints.tokenUrl())
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build());
        assertThat(answer.status()).as("token for %s: %s", clientId, answer).isEqualTo(200);
        try {
            return JSON.readTree(answer.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the row to the API, with {@code Authorization: Bearer <accessToken>} unless it opts out or sets its own. */
    Answer send(HttpCase row, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoints.apiUrl() + row.path()))
                .timeout(TIMEOUT)
                .method(row.method(), row.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(row.body()));
        row.headers().forEach(header -> request.header(header.name(), header.value()));
        if (row.withToken() && row.headerValue("Authorization").isEmpty()) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request.build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
