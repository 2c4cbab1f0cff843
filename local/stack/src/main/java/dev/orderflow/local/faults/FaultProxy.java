package dev.orderflow.local.faults;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.orderflow.local.http.LocalHttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.lang.System.Logger.Level.WARNING;

/**
 * An HTTP proxy on 127.0.0.1 in front of one endpoint (DynamoDB Local, the Step Functions runner), for the
 * clients that should meet faults; everything else keeps talking to the endpoint directly. For each request a
 * {@link Rule} decides: forward it, answer for the service (a throttling or server error, in the service's own
 * error format), close the connection without an answer, or forward it and then answer with an error anyway (the
 * request was applied, but the caller never learns it).
 */
public final class FaultProxy implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FaultProxy.class.getName());
    /** Headers the JDK's client sets itself (or refuses), and hop-by-hop ones a proxy does not pass on. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive");

    /** Decides, per request, what the proxy does with it. Called concurrently. */
    @FunctionalInterface
    public interface Rule {
        Verdict judge(Request request);
    }

    /** A request as the proxy received it. */
    public record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {

        /** The {@code X-Amz-Target} header of the AWS JSON protocols (e.g. {@code DynamoDB_20120810.PutItem}). */
        public String target() {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("X-Amz-Target"))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to do with one request. */
    public sealed interface Verdict {

        Verdict FORWARD = new Forward();
        Verdict DROP = new Drop();

        record Forward() implements Verdict {
        }

        /** Close the connection without an answer, as a refused or reset connection looks to the caller. */
        record Drop() implements Verdict {
        }

        /** Answer this instead of the service; with {@code afterForwarding}, only once the service has applied it. */
        record Answer(int status, String contentType, String body, boolean afterForwarding) implements Verdict {
        }
    }

    private final URI target;
    private final Rule rule;
    private final HttpClient client;
    private final LocalHttpServer server;

    private FaultProxy(URI target, Rule rule, int port) {
        this.target = target;
        this.rule = rule;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        this.server = LocalHttpServer.bind(port);
    }

    /** Starts a proxy for {@code target} on 127.0.0.1 ({@code port} 0: a free one). */
    public static FaultProxy start(URI target, Rule rule, int port) {
        FaultProxy proxy = new FaultProxy(target, rule, port);
        proxy.server.serve(Map.of("/", proxy::handle));
        return proxy;
    }

    public URI endpoint() {
        return server.baseUri();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
            Verdict verdict = rule.judge(request);
            switch (verdict) {
                case Verdict.Drop drop -> {
                    // Closing the exchange before any answer closes the connection: the caller reads end-of-stream.
                }
                case Verdict.Answer answer when !answer.afterForwarding() -> answer(exchange, answer);
                case Verdict.Answer answer -> {
                    forward(request);
                    answer(exchange, answer);
                }
                case Verdict.Forward forward -> relay(exchange, forward(request));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(WARNING, "proxy to " + target + " failed on a request: " + e);
        }
    }

    private HttpResponse<byte[]> forward(Request request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.resolve(request.path()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
    }

    private static void relay(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":") && !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, values);
            }
        });
        send(exchange, response.statusCode(), response.body());
    }

    private static void answer(HttpExchange exchange, Verdict.Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        send(exchange, answer.status(), answer.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.close();
        client.close();
    }
}
