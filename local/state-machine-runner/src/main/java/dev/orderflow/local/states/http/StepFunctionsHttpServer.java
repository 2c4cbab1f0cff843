package dev.orderflow.local.states.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderflow.local.states.api.ServiceException;
import dev.orderflow.local.states.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Step Functions endpoint on 127.0.0.1: one POST route speaking AWS JSON 1.0, as the AWS SDKs and the AWS CLI
 * call it ({@code X-Amz-Target: AWSStepFunctions.<Operation>}). Each request is handled on its own virtual thread;
 * executions never run on them. Errors are {@code 400 {"__type", "message"}} (and 500 for a bug here).
 */
public final class StepFunctionsHttpServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StepFunctionsHttpServer.class.getName());
    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final HttpServer server;
    private final ExecutorService handlers;

    private StepFunctionsHttpServer(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    /** Starts the endpoint on 127.0.0.1 and {@code port} (0: the system picks one). */
    public static StepFunctionsHttpServer start(JsonProtocol protocol, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(handlers);
        server.createContext("/", exchange -> handle(protocol, exchange));
        server.start();
        return new StepFunctionsHttpServer(server, handlers);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void handle(JsonProtocol protocol, HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
                respond(exchange, requestId, 400, error("UnknownOperationException",
                        "Expected a POST with X-Amz-Target: AWSStepFunctions.<Operation>"));
                return;
            }
            JsonNode request;
            try (InputStream body = exchange.getRequestBody()) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                request = text.isBlank() ? Json.object() : Json.parse(text);
            } catch (IllegalArgumentException e) {
                respond(exchange, requestId, 400, error("SerializationException", "The request is not valid JSON"));
                return;
            }
            try {
                respond(exchange, requestId, 200, protocol.handle(target.substring(TARGET_PREFIX.length()), request));
            } catch (ServiceException e) {
                respond(exchange, requestId, 400, error(e.type(), e.getMessage()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed", e);
                respond(exchange, requestId, 500, error("InternalServerError", "The local runner failed: " + e));
            }
        }
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode body = Json.object();
        body.put("__type", type);
        body.put("message", message);
        return body;
    }

    private static void respond(HttpExchange exchange, String requestId, int status, ObjectNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        if (status != 200) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", body.path("__type").asText());
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops accepting requests, lets those in flight finish (up to a second), and releases the port. */
    @Override
    public void close() {
        server.stop(1);
        handlers.close();
    }
}
