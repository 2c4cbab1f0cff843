package dev.orderflow.testing;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Event fixtures ({@code src/test/resources/events/}) read and written exactly as the Lambda Java runtime does. */
public final class LambdaEvents {

    private LambdaEvents() {
    }

    public static <T> T load(Class<T> type, String resource) {
        try (InputStream json = resource(resource)) {
            return LambdaEventSerializers.serializerFor(type, LambdaEvents.class.getClassLoader()).fromJson(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the runtime would send back for a handler's response object. */
    public static <T> String toJson(T response, Class<T> type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(type, LambdaEvents.class.getClassLoader()).toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    public static String text(String resource) {
        try (InputStream in = resource(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no test resource " + resource);
        }
        return in;
    }
}
