package dev.orderflow.bench.probe;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the Lambda runtime does in a fresh JVM, and nothing more: loads the handler class, calls its public no-arg
 * constructor (which reads its configuration from the environment and builds its clients), reads one event, turns
 * it into the handler's input type with the runtime's own event serializers (for {@link RequestHandler}s) and
 * invokes {@code handleRequest} once, serializing the answer. Then it prints {@value #DONE} with the
 * {@link System#nanoTime()} of each step, which the parent compares with its own (the same monotonic clock on
 * Linux), and exits; given a third argument N, it first invokes N more times and prints the median duration of
 * those warm invocations ({@value #WARM}).
 * <p>
 * Runs with only the function jar, this class and the serialization jar on the class path: it must not use
 * anything else (no Orderflow class, no Jackson of its own).
 */
public final class ColdStartProbe {

    public static final String DONE = "ORDERFLOW-PROBE-DONE";
    public static final String WARM = "ORDERFLOW-PROBE-WARM";

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainAt = System.nanoTime();
        String handlerClass = args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        Object handler = Class.forName(handlerClass).getConstructor().newInstance();
        long initAt = System.nanoTime();
        byte[] answer = invoke(handler, event);
        long invokedAt = System.nanoTime();
        System.out.println(DONE + " main=" + mainAt + " init=" + initAt + " invoked=" + invokedAt
                + " bytes=" + answer.length);
        System.out.flush();
        if (args.length > 2) { // then the warm invocations a container serves after its first, for their duration
            int warm = Integer.parseInt(args[2]);
            long[] nanos = new long[warm];
            for (int i = 0; i < warm; i++) {
                long start = System.nanoTime();
                invoke(handler, event);
                nanos[i] = System.nanoTime() - start;
            }
            java.util.Arrays.sort(nanos);
            System.out.println(WARM + " medianNanos=" + (warm == 0 ? 0 : nanos[(warm - 1) / 2]));
            System.out.flush();
        }
        System.exit(0); // as the runtime freezes the sandbox: no waiting for the clients' idle threads
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] invoke(Object handler, byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (handler instanceof RequestStreamHandler stream) {
            stream.handleRequest(new ByteArrayInputStream(event), out, new ProbeContext());
            return out.toByteArray();
        }
        if (handler instanceof RequestHandler requestHandler) {
            Type[] types = handlerTypes(handler.getClass());
            ClassLoader loader = handler.getClass().getClassLoader();
            PojoSerializer input = LambdaEventSerializers.serializerFor((Class) types[0], loader);
            Object result = requestHandler.handleRequest(input.fromJson(new ByteArrayInputStream(event)),
                    new ProbeContext());
            if (result != null) {
                PojoSerializer output = LambdaEventSerializers.serializerFor((Class) types[1], loader);
                output.toJson(result, out);
            }
            return out.toByteArray();
        }
        throw new IllegalArgumentException(handler.getClass() + " is not a Lambda handler");
    }

    /** The input and output types of {@code RequestHandler<I, O>}, as the runtime finds them. */
    private static Type[] handlerTypes(Class<?> type) {
        for (Type candidate : type.getGenericInterfaces()) {
            if (candidate instanceof ParameterizedType parameterized
                    && parameterized.getRawType() == RequestHandler.class) {
                return parameterized.getActualTypeArguments();
            }
        }
        for (Method method : type.getMethods()) { // a handler that inherits the interface
            if (method.getName().equals("handleRequest") && !method.isBridge() && method.getParameterCount() == 2) {
                return new Type[] {method.getParameterTypes()[0], method.getReturnType()};
            }
        }
        throw new IllegalArgumentException(type + " does not say its input and output types");
    }

    /** A context as the runtime passes one: ids and limits, a logger to standard error. */
    private static final class ProbeContext implements Context {
        private final long deadline = System.currentTimeMillis() + 30_000;

        @Override
        public String getAwsRequestId() {
            return "00000000-0000-0000-0000-000000000001";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/probe";
        }

        @Override
        public String getLogStreamName() {
            return "probe";
        }

        @Override
        public String getFunctionName() {
            return "probe";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:probe";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadline - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.err.println(message);
                }

                @Override
                public void log(byte[] message) {
                    System.err.println(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
