package dev.orderflow.local.states.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderflow.local.states.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** In-process handlers, with input and output converted as the Lambda Java runtime converts them. */
class JavaHandlerFunctionTest {

    private static final LambdaFunction.Invocation INVOCATION = new LambdaFunction.Invocation(
            "request-1", "fn", "arn:aws:lambda:us-east-1:123456789012:function:fn", System.currentTimeMillis() + 60_000);

    private static String invoke(LambdaFunction function, String payload) {
        return new String(function.invoke(payload.getBytes(StandardCharsets.UTF_8), INVOCATION), StandardCharsets.UTF_8);
    }

    /** A plain Java bean, as Lambda's Jackson configuration reads and writes it. */
    public static final class Line {
        private String menuItemId;
        private int quantity;

        public String getMenuItemId() {
            return menuItemId;
        }

        public void setMenuItemId(String menuItemId) {
            this.menuItemId = menuItemId;
        }

        public int getQuantity() {
            return quantity;
        }

        public void setQuantity(int quantity) {
            this.quantity = quantity;
        }
    }

    static final class DoubleLine implements RequestHandler<Line, Line> {
        @Override
        public Line handleRequest(Line input, Context context) {
            Line doubled = new Line();
            doubled.setMenuItemId(input.getMenuItemId());
            doubled.setQuantity(input.getQuantity() * 2);
            return doubled;
        }
    }

    static final class Length implements RequestHandler<String, Integer> {
        @Override
        public Integer handleRequest(String input, Context context) {
            return input.length();
        }
    }

    static final class Ignore implements RequestHandler<Map<String, Object>, Void> {
        @Override
        public Void handleRequest(Map<String, Object> input, Context context) {
            return null;
        }
    }

    abstract static class Keys<I extends Map<String, ?>> implements RequestHandler<I, List<String>> {
        @Override
        public List<String> handleRequest(I input, Context context) {
            return List.copyOf(input.keySet());
        }
    }

    static final class ConcreteKeys extends Keys<Map<String, Object>> {
    }

    @SuppressWarnings("rawtypes")
    static final class Raw implements RequestHandler {
        @Override
        public Object handleRequest(Object input, Context context) {
            return input;
        }
    }

    @Test
    void streamHandler_getsAndReturnsTheRawBytes() {
        LambdaFunction echo = JavaHandlerFunction.of((RequestStreamHandler) (in, out, context) -> {
            out.write(("<" + context.getAwsRequestId() + ">").getBytes(StandardCharsets.UTF_8));
            in.transferTo(out);
        });

        assertThat(invoke(echo, "  {\"a\": 1}  ")).isEqualTo("<request-1>  {\"a\": 1}  ");
    }

    @Test
    void requestHandler_readsAndWritesBeansWithTheRuntimeSerializer() {
        LambdaFunction function = JavaHandlerFunction.of(new DoubleLine());

        assertThat(Json.parse(invoke(function, "{\"menuItemId\": \"margherita\", \"quantity\": 2}")))
                .isEqualTo(Json.parse("{\"menuItemId\": \"margherita\", \"quantity\": 4}"));
    }

    @Test
    void requestHandler_ofSimpleTypes_readsAJsonStringAndWritesANumber() {
        assertThat(invoke(JavaHandlerFunction.of(new Length()), "\"hello\"")).isEqualTo("5");
    }

    @Test
    void requestHandler_withAVoidOutput_returnsNull() {
        assertThat(invoke(JavaHandlerFunction.of(new Ignore()), "{\"a\": 1}")).isEqualTo("null");
    }

    @Test
    void requestHandler_typesBoundInASubclass_areResolved() {
        assertThat(invoke(JavaHandlerFunction.of(new ConcreteKeys()), "{\"b\": 1, \"a\": 2}")).isEqualTo("[\"b\",\"a\"]");
    }

    @Test
    void requestHandler_withoutConcreteTypes_isRefused() {
        assertThatThrownBy(() -> JavaHandlerFunction.of(new Raw()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not implement RequestHandler with concrete type parameters");
    }

    @Test
    void inputTheHandlerTypeCannotHold_failsAsTheRuntimeDoes() {
        FunctionError error = catchThrowableOfType(FunctionError.class,
                () -> invoke(JavaHandlerFunction.of(new Length()), "{\"not\": \"a string\"}"));

        assertThat(error.error()).isEqualTo("java.lang.RuntimeException");
        assertThat(Json.parse(error.cause()).get("errorMessage").asText()).isEqualTo("An error occurred during JSON parsing");
    }

    @Test
    void exception_becomesTheRuntimeErrorDocument() {
        LambdaFunction failing = JavaHandlerFunction.of((RequestStreamHandler) (in, out, context) -> {
            throw new UnsupportedOperationException();
        });

        FunctionError error = catchThrowableOfType(FunctionError.class, () -> invoke(failing, "{}"));

        assertThat(error.error()).isEqualTo("java.lang.UnsupportedOperationException");
        var document = Json.parse(error.cause());
        assertThat(document.get("errorMessage").asText()).isEqualTo("java.lang.UnsupportedOperationException");
        assertThat(document.get("errorType").asText()).isEqualTo("java.lang.UnsupportedOperationException");
        assertThat(document.get("stackTrace").get(0).asText()).startsWith(JavaHandlerFunctionTest.class.getName());
        assertThat(document.fieldNames()).toIterable().containsExactly("errorMessage", "errorType", "stackTrace");
    }

    @Test
    void context_namesTheFunctionAndItsRemainingTime() {
        LambdaFunction introspect = JavaHandlerFunction.of((RequestStreamHandler) (in, out, context) ->
                out.write((context.getFunctionName() + " " + context.getInvokedFunctionArn() + " "
                        + (context.getRemainingTimeInMillis() > 50_000)).getBytes(StandardCharsets.UTF_8)));

        assertThat(invoke(introspect, "{}")).isEqualTo("fn arn:aws:lambda:us-east-1:123456789012:function:fn true");
    }

    @ParameterizedTest
    @CsvSource({
            "persist-order, persist-order",
            "persist-order:live, persist-order",
            "123456789012:function:persist-order, persist-order",
            "arn:aws:lambda:eu-west-1:123456789012:function:persist-order, persist-order",
            "arn:aws:lambda:eu-west-1:123456789012:function:persist-order:$LATEST, persist-order"})
    void functionName_isFoundInEveryFormLambdaAccepts(String functionName, String expected) {
        assertThat(FunctionRegistry.functionName(functionName)).contains(expected);
    }
}
