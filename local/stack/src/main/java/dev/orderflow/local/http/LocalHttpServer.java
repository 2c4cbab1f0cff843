package dev.orderflow.local.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server on 127.0.0.1, one virtual thread per request. The local components
 * (authorization server, gateway) each run one; {@link #close()} stops it at once.
 */
public final class LocalHttpServer implements AutoCloseable {

    static final long MAX_DISCARDED_BYTES = 10L * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;

    private LocalHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds 127.0.0.1:{@code port} (0: the system picks a free port); nothing is served until {@link #serve}, so the
     * owner can learn its address first.
     */
    public static LocalHttpServer bind(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(executor);
            return new LocalHttpServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** Starts serving {@code handlers}, keyed by path prefix as {@link HttpServer#createContext} takes them. */
    public LocalHttpServer serve(Map<String, HttpHandler> handlers) {
        handlers.forEach(server::createContext);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    /**
     * Reads at most {@code limit} bytes of the request body; returns {@code limit + 1} bytes when the body is longer,
     * so the caller can tell, without reading an unbounded body into memory. The rest of a longer body is
     * {@linkplain #discardBody discarded}, so that the caller's refusal reaches the client.
     */
    public static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                discard(in);
            }
            return body;
        }
    }

    /**
     * Reads and drops the request body, up to {@value #MAX_DISCARDED_BYTES} bytes (API Gateway's largest payload), for
     * an answer given without reading it (413). A server that closes a connection with unread bytes makes TCP reset it,
     * and the client may then lose the answer; only a body beyond that bound still ends so.
     */
    public static void discardBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            discard(in);
        }
    }

    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = MAX_DISCARDED_BYTES;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            left -= read;
        }
    }

    /** Sends a complete answer; an empty body is sent as none (as 204 requires). */
    public static void send(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
        boolean noBody = body.length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
