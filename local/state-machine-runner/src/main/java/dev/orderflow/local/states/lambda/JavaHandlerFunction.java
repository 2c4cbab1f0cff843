package dev.orderflow.local.states.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An in-process Java handler behind the Lambda calling convention, converting input and output exactly as the
 * Lambda Java runtime does: a {@link RequestStreamHandler} gets and returns raw bytes; a {@link RequestHandler}'s
 * input and output go through the runtime's serializers ({@code aws-lambda-java-serialization}: the event
 * serializers for {@code aws-lambda-java-events} types, its Jackson configuration for everything else), and a
 * {@code Void} output is {@code null}.
 */
public final class JavaHandlerFunction implements LambdaFunction {

    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.UTF_8);

    private final Handler handler;

    private JavaHandlerFunction(Handler handler) {
        this.handler = handler;
    }

    public static JavaHandlerFunction of(RequestStreamHandler handler) {
        return new JavaHandlerFunction((input, context) -> {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(input), output, context);
            return output.toByteArray();
        });
    }

    public static JavaHandlerFunction of(RequestHandler<?, ?> handler) {
        HandlerTypes.Signature signature = HandlerTypes.of(handler.getClass());
        PojoSerializer<Object> input = serializer(signature.input(), handler.getClass().getClassLoader());
        Optional<PojoSerializer<Object>> output = signature.returnsNothing() ? Optional.empty()
                : Optional.of(serializer(signature.output(), handler.getClass().getClassLoader()));
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> typed = (RequestHandler<Object, Object>) handler;
        return new JavaHandlerFunction((bytes, context) -> {
            Object event;
            try {
                event = input.fromJson(new ByteArrayInputStream(bytes));
            } catch (RuntimeException e) {
                throw new RuntimeException("An error occurred during JSON parsing", e);
            }
            Object result = typed.handleRequest(event, context);
            if (output.isEmpty()) {
                return JSON_NULL;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                output.get().toJson(result, out);
            } catch (RuntimeException e) {
                throw new RuntimeException("An error occurred during JSON serialization of response", e);
            }
            return out.toByteArray();
        });
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializer(Type type, ClassLoader classLoader) {
        if (type instanceof Class<?> eventClass && LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(eventClass, classLoader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    @Override
    public byte[] invoke(byte[] payload, Invocation invocation) {
        try {
            return handler.handle(payload, new LocalLambdaContext(invocation));
        } catch (Throwable thrown) {
            if (thrown instanceof VirtualMachineError fatal && !(thrown instanceof StackOverflowError)) {
                throw fatal;
            }
            throw LambdaErrorDocument.of(thrown);
        }
    }

    @FunctionalInterface
    private interface Handler {
        byte[] handle(byte[] input, Context context) throws IOException;
    }
}
