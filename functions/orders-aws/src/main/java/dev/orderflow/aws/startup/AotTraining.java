package dev.orderflow.aws.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orderflow.config.Settings;
import dev.orderflow.logging.JsonLogging;
import dev.orderflow.workflow.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The training run of a function's JDK AOT cache, at image build, without network: serves the AWS calls the
 * function makes from a canned answer per operation ({@value #ANSWERS}) on a loopback port, builds the handler
 * from the environment (pointed at that port) as its public constructor does, and invokes it a few times with a
 * training event (or a JSON array of them) from the function jar. Every class the first real invocation needs is then loaded, linked and
 * profiled, and {@code -XX:AOTCacheOutput} stores them in the cache.
 * <pre>
 * java -XX:AOTCacheOutput=function.aot -cp function.jar dev.orderflow.aws.startup.AotTraining &lt;handler class&gt; &lt;event resource&gt;
 * </pre>
 */
public final class AotTraining {

    static final String ANSWERS = "orderflow/training/aws-answers.json";
    private static final int INVOCATIONS = 3;

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: AotTraining <handler class> <event resource>");
            System.exit(2);
        }
        JsonNode answers = Json.MAPPER.readTree(resource(ANSWERS));
        List<byte[]> events = events(resource(args[1]));
        HttpServer aws = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        aws.createContext("/", exchange -> answer(exchange, answers));
        aws.start();
        try {
            JsonLogging.install();
            Object handler = handler(args[0], "http://127.0.0.1:" + aws.getAddress().getPort());
            Method handleRequest = streamMethod(handler.getClass());
            for (int i = 0; i < INVOCATIONS; i++) {
                for (byte[] event : events) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    handleRequest.invoke(handler, new ByteArrayInputStream(event), out, null);
                    if (out.size() == 0) {
                        throw new IllegalStateException(args[0] + " answered nothing to a training event");
                    }
                }
            }
        } finally {
            aws.stop(0);
        }
        System.out.println("AOT training: " + args[0] + " invoked " + INVOCATIONS + " times");
    }

    /** The handler, built as its public constructor builds it, with every AWS endpoint on the training server. */
    private static Object handler(String className, String endpoint) throws ReflectiveOperationException {
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.put("AWS_ENDPOINT_URL", endpoint);
        variables.remove("AWS_ENDPOINT_URL_DYNAMODB");
        variables.remove("AWS_ENDPOINT_URL_SFN");
        variables.putIfAbsent("AWS_REGION", "us-east-1");
        variables.put("AWS_ACCESS_KEY_ID", "training");
        variables.put("AWS_SECRET_ACCESS_KEY", "training");
        variables.putIfAbsent("CATALOG_TABLE", "training-catalog");
        variables.putIfAbsent("ORDERS_TABLE", "training-orders");
        Constructor<?> constructor = Class.forName(className).getConstructor(Settings.class);
        try {
            return constructor.newInstance(Settings.of(variables));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot build " + className + ": " + e.getCause(), e.getCause());
        }
    }

    /** {@code handleRequest(InputStream, OutputStream, Context)}: the container-image functions are stream handlers. */
    private static Method streamMethod(Class<?> type) {
        for (Method method : type.getMethods()) {
            Class<?>[] parameters = method.getParameterTypes();
            if (method.getName().equals("handleRequest") && parameters.length == 3
                    && parameters[0] == InputStream.class && parameters[1] == OutputStream.class) {
                return method;
            }
        }
        throw new IllegalArgumentException(type + " is not a RequestStreamHandler");
    }

    /** The canned answer for the operation in {@code X-Amz-Target} (JSON protocols: DynamoDB, Step Functions). */
    private static void answer(HttpExchange exchange, JsonNode answers) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            JsonNode answer = answers.get(operation);
            byte[] body = (answer == null ? "{}" : answer.toString()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().set("x-amzn-RequestId", "training");
            CRC32 crc = new CRC32(); // DynamoDB sends it, and the SDK checks it: the real response path
            crc.update(body);
            exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
            exchange.sendResponseHeaders(answer == null ? 400 : 200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** One event, or a JSON array of events invoked in turn (a step that the workflow calls with several actions). */
    private static List<byte[]> events(byte[] resource) throws IOException {
        JsonNode json = Json.MAPPER.readTree(resource);
        if (!json.isArray()) {
            return List.of(resource);
        }
        List<byte[]> events = new ArrayList<>();
        for (JsonNode event : json) {
            events.add(Json.MAPPER.writeValueAsBytes(event));
        }
        return events;
    }

    private static byte[] resource(String name) {
        try (InputStream in = AotTraining.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException(name + " is not in the function jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
