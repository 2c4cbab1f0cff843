package dev.orderflow.statemachine;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Sample data from {@code src/test/resources/events/}: what the poller starts an execution with and what tasks get back. */
final class Events {

    private Events() {}

    /** The execution input: an accepted POST /orders, as the SQS message body the poller hands over. */
    static JsonNode orderChange() {
        return resource("events/order-change-create.json");
    }

    /** What {@code arn:aws:states:::lambda:invoke} gives a task when the function returns {@code payload}. */
    static JsonNode lambdaInvokeResult(String payload) {
        ObjectNode result = (ObjectNode) resource("events/lambda-invoke-result.json");
        result.set("Payload", json(payload));
        return result;
    }

    static JsonNode json(String text) {
        return OrderWorkflow.parse(text);
    }

    private static JsonNode resource(String path) {
        try (InputStream in = Events.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path);
            }
            return json(new String(in.readAllBytes(), UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
