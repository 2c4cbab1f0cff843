package dev.orderflow.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.workflow.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * One caller of the API over real HTTP, as a client application would be: it signs in at the token URL with
 * client_credentials and sends its access token with every request. Transport failures come back as status 0.
 */
final class ApiCaller {

    /** An answer: status (0 when no answer came), body, and the request id API Gateway puts in x-amzn-RequestId. */
    record Answer(int status, String body, Optional<String> requestId) {

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                return Json.MAPPER.createObjectNode();
            }
        }

        boolean isServerError() {
            return status == 0 || status >= 500;
        }
    }

    private final HttpClient http;
    private final URI apiUrl;
    private final String clientId;
    private final String token;

    private ApiCaller(HttpClient http, URI apiUrl, String clientId, String token) {
        this.http = http;
        this.apiUrl = apiUrl;
        this.clientId = clientId;
        this.token = token;
    }

    static ApiCaller signIn(HttpClient http, URI apiUrl, URI tokenUrl, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        Answer answer = send(http, request);
        if (answer.status() != 200) {
            throw new IllegalStateException("sign-in of " + clientId + " failed: " + answer.status() + " " + answer.body());
        }
        return new ApiCaller(http, apiUrl, clientId, answer.json().path("access_token").asText());
    }

    /** The caller's identity as the API sees it: the token's {@code sub}, which is the client id. */
    String userId() {
        return clientId;
    }

    Answer post(String body, String idempotencyKey) {
        HttpRequest.Builder request = request("/orders").POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(http, request.build());
    }

    Answer put(String orderId, String body) {
        return send(http, request("/orders/" + orderId).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Answer get(String orderId) {
        return send(http, request("/orders/" + orderId).GET().build());
    }

    Answer delete(String orderId) {
        return send(http, request("/orders/" + orderId).DELETE().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(apiUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    private static Answer send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("x-amzn-RequestId"));
        } catch (IOException e) {
            return new Answer(0, e.toString(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted", Optional.empty());
        }
    }
}
