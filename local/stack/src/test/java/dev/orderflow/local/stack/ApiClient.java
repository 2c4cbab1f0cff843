package dev.orderflow.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.workflow.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/** A caller of the local API over real HTTP, as curl would be: a token, a method, a path, a body. */
final class ApiClient {

    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Endpoints endpoints;
    private final String token;

    private ApiClient(Endpoints endpoints, String token) {
        this.endpoints = endpoints;
        this.token = token;
    }

    /** Signs in with client_credentials at the token URL, as the README's curl line does. */
    static ApiClient signedIn(Endpoints endpoints, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoints.tokenUrl())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        Response response = send(request);
        if (response.status() != 200) {
            throw new IllegalStateException("token request failed: " + response.status() + " " + response.body());
        }
        return new ApiClient(endpoints, response.json().get("access_token").asText());
    }

    static ApiClient withToken(Endpoints endpoints, String token) {
        return new ApiClient(endpoints, token);
    }

    Response post(String path, String body, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Response put(String path, String body) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** GETs until the answer satisfies {@code done}, or fails after the deadline: never a fixed sleep. */
    Response awaitGet(String path, Predicate<Response> done) {
        Instant deadline = Instant.now().plusSeconds(30);
        Response last = get(path);
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting on GET " + path + "; last answer " + last.status() + " "
                        + last.body());
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            last = get(path);
        }
        return last;
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoints.apiUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
