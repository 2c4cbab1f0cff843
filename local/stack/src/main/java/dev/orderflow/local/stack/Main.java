package dev.orderflow.local.stack;

import dev.orderflow.workflow.Json;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./orderflow local}: starts the stack, checks that it answers, writes the endpoints file if asked, prints
 * the endpoints and a curl sequence, and runs until Ctrl-C or SIGTERM, which stop everything cleanly. A start that
 * fails (a port taken, a bad seed file) exits non-zero with the reason.
 */
public final class Main {

    private Main() {
    }

    /** One line per log record: time, level, message (the functions log through java.util.logging). */
    private static final String LOG_FORMAT = "%1$tH:%1$tM:%1$tS.%1$tL %4$-7s %5$s%6$s%n";

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", LOG_FORMAT);
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(LocalStackOptions.USAGE);
            return;
        }
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("orderflow local: " + e.getMessage());
            System.err.print(LocalStackOptions.USAGE);
            System.exit(2);
            return;
        }
        System.out.println("Starting Orderflow on 127.0.0.1 ...");
        LocalStack stack;
        try {
            stack = LocalStack.start(options);
            awaitAnswers(stack.endpoints());
            if (options.endpointsFile().isPresent()) {
                writeAtomically(options.endpointsFile().get(), Json.MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(stack.endpoints().toJson()));
            }
        } catch (Exception | LinkageError e) {
            System.err.println("orderflow local: could not start: " + reason(e));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            System.out.println("\nStopping Orderflow ...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }));
        System.out.println();
        System.out.print(stack.endpoints().banner());
        if (!options.faults().isOff()) {
            System.out.println("\nInjecting faults (" + options.faults() + "), as README \"Reliability and security\" "
                    + "describes; the endpoints above are the real ones.");
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Real requests, not open ports: the token server's discovery document, and the API refusing a request without
     * a token (401 means the gateway, its document and its authorizer are all up).
     */
    static void awaitAnswers(Endpoints endpoints) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = endpoints.tokenUrl().resolve("/.well-known/openid-configuration");
        expect(http, discovery, 200);
        expect(http, URI.create(endpoints.apiUrl() + "/orders"), 401);
    }

    private static void expect(HttpClient http, URI uri, int status) throws IOException, InterruptedException {
        int answered = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (answered != status) {
            throw new IllegalStateException(uri + " answered " + answered + ", expected " + status);
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = Files.createTempFile(absolute.getParent(), ".endpoints", ".json");
        Files.writeString(temporary, content + "\n");
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return "a port is already in use (" + cause.getMessage() + "); choose others with --port N";
            }
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
