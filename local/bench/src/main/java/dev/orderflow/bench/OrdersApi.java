package dev.orderflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.auth.OAuthClient;
import dev.orderflow.local.stack.Endpoints;
import dev.orderflow.workflow.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;

/**
 * The API as a client meets it: a token from the token URL (client_credentials), then {@code POST /orders} with an
 * {@code Idempotency-Key}, over one shared {@link HttpClient} (keep-alive connections, virtual threads).
 */
final class OrdersApi implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI orders;
    private final String authorization;
    private final String userId;
    private final String body;

    private OrdersApi(HttpClient http, URI orders, String token, String userId, String body) {
        this.http = http;
        this.orders = orders;
        this.authorization = "Bearer " + token;
        this.userId = userId;
        this.body = body;
    }

    static OrdersApi signedIn(Endpoints endpoints, OAuthClient client) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        String basic = Base64.getEncoder().encodeToString(
                (client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoints.tokenUrl())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .timeout(TIMEOUT)
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request answered " + response.statusCode());
            }
            JsonNode token = Json.MAPPER.readTree(response.body());
            return new OrdersApi(http, URI.create(endpoints.apiUrl() + "/orders"), token.get("access_token").asText(),
                    client.clientId(), endpoints.sampleOrder().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The caller's id: the token's {@code sub}, which is the client id for client_credentials tokens. */
    String userId() {
        return userId;
    }

    /** Places the sample order under {@code orderId} (its Idempotency-Key); true when the API accepted it (202). */
    boolean place(String orderId) {
        HttpRequest request = HttpRequest.newBuilder(orders)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", orderId)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(TIMEOUT)
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
