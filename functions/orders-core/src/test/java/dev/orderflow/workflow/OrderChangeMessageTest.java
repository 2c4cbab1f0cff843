package dev.orderflow.workflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.domain.ChangeKind;
import dev.orderflow.domain.OrderChange;
import dev.orderflow.domain.OrderRequest;
import dev.orderflow.domain.RequestedLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class OrderChangeMessageTest {

    private static final String CREATE = fixture("events/order-change-create.json");
    private static final String REPLACE = fixture("events/order-change-replace.json");
    /** Both fixtures: one Cognito user, changing an order of hers at one restaurant. */
    private static final String USER_SUB = "d4e8a2b6-5f13-4c7a-9e2d-8b1f6a3c0e95";
    private static final String RESTAURANT = "trattoria-da-enzo";

    @Test
    void parse_whenTheMessageIsACreate_readsEveryField() {
        assertThat(OrderChangeMessage.parse(CREATE)).isEqualTo(new OrderChange(
                "7c9e6679-7425-40de-944b-e07fc1f90ae7", USER_SUB, ChangeKind.CREATE,
                1_795_601_730_123L, "f2a1c9d8-3b6e-4f70-a845-1c2d9e7b6a30",
                new OrderRequest(RESTAURANT,
                        List.of(new RequestedLine("margherita", 2), new RequestedLine("tiramisu", 1)),
                        "Extra basil, please. Ring twice \"Rossi\".")));
    }

    @Test
    void parse_whenTheMessageIsAReplaceWithoutNotes_readsEveryFieldAndNoNotes() {
        assertThat(OrderChangeMessage.parse(REPLACE)).isEqualTo(new OrderChange(
                "b3f0e6a2-9c41-4d87-a2e5-6f8d1c0b7e94", USER_SUB, ChangeKind.REPLACE,
                1_795_602_045_871L, "0e5d7c3a-8f29-4b16-b4a0-7d3e2c9f1a68",
                new OrderRequest(RESTAURANT,
                        List.of(new RequestedLine("diavola", 1), new RequestedLine("margherita", 3)), null)));
    }

    @Test
    void parse_whenNotesAreNull_readsNoNotes() {
        OrderChange change = OrderChangeMessage.parse(edit(CREATE, json -> order(json).putNull("notes")));

        assertThat(change.order().notes()).isNull();
    }

    @Test
    void parse_whenTheOrderIdHas64Characters_acceptsIt() {
        String longest = "Idem-" + "x".repeat(54) + "-9f1c";

        assertThat(OrderChangeMessage.parse(edit(CREATE, json -> json.put("orderId", longest))).orderId())
                .isEqualTo(longest);
    }

    @Test
    void parse_whenThereAreUnknownFields_ignoresThem() {
        String message = edit(CREATE, json -> json.put("traceHeader", "Root=1-5759e988-bd862e3fe1be46a994272793"));

        assertThat(OrderChangeMessage.parse(message)).isEqualTo(OrderChangeMessage.parse(CREATE));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "", "   ", "orderId=7c9e6679", "{\"orderId\": ", "'single quoted'", "[]", "[{}]", "42", "\"text\""})
    void parse_whenTheBodyIsNotAJsonObject_throwsSayingSo(String body) {
        assertThatThrownBy(() -> OrderChangeMessage.parse(body))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageMatching("not JSON: .*|not a JSON object");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFields")
    void parse_whenAFieldIsMissingOrWrong_throwsNamingTheField(String problem, Consumer<ObjectNode> breakIt,
                                                               String field) {
        String message = edit(CREATE, breakIt);

        assertThatThrownBy(() -> OrderChangeMessage.parse(message))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith(field + " ");
    }

    static Stream<Arguments> brokenFields() {
        return Stream.of(
                arguments("orderId missing", remove("orderId"), "orderId"),
                arguments("orderId with a slash", put("orderId", "orders/7c9e6679"), "orderId"),
                arguments("orderId of 65 characters", put("orderId", "k".repeat(65)), "orderId"),
                arguments("orderId a number", change(json -> json.put("orderId", 42)), "orderId"),
                arguments("userId missing", remove("userId"), "userId"),
                arguments("userId blank", put("userId", " "), "userId"),
                arguments("kind missing", remove("kind"), "kind"),
                arguments("kind unknown", put("kind", "DELETE"), "kind"),
                arguments("kind in lower case", put("kind", "create"), "kind"),
                arguments("receivedAt missing", remove("receivedAt"), "receivedAt"),
                arguments("receivedAt a string", put("receivedAt", "1795601730123"), "receivedAt"),
                arguments("receivedAt a fraction", change(json -> json.put("receivedAt", 1_795_601_730_123.5)),
                        "receivedAt"),
                arguments("receivedAt past a long",
                        change(json -> json.put("receivedAt", new BigInteger("9".repeat(20)))), "receivedAt"),
                arguments("requestId missing", remove("requestId"), "requestId"),
                arguments("order missing", remove("order"), "order"),
                arguments("order a string", put("order", "margherita x2"), "order"),
                arguments("items missing", change(json -> order(json).remove("items")), "order.items"),
                arguments("items an object", change(json -> order(json).putObject("items")), "order.items"),
                arguments("quantity a string", change(json -> firstItem(json).put("quantity", "2")),
                        "order.items[].quantity"),
                arguments("quantity missing", change(json -> firstItem(json).remove("quantity")),
                        "order.items[].quantity"),
                arguments("quantity a fraction", change(json -> firstItem(json).put("quantity", 1.5)),
                        "order.items[].quantity"),
                arguments("menuItemId missing", change(json -> firstItem(json).remove("menuItemId")), "menuItemId"),
                arguments("notes a number", change(json -> order(json).put("notes", 42)), "order.notes"),
                arguments("restaurantId missing", change(json -> order(json).remove("restaurantId")), "restaurantId"));
    }

    private static Consumer<ObjectNode> remove(String field) {
        return json -> json.remove(field);
    }

    private static Consumer<ObjectNode> put(String field, String value) {
        return json -> json.put(field, value);
    }

    /** Only to give a lambda its type among the other arguments. */
    private static Consumer<ObjectNode> change(Consumer<ObjectNode> change) {
        return change;
    }

    private static ObjectNode order(ObjectNode json) {
        return (ObjectNode) json.get("order");
    }

    private static ObjectNode firstItem(ObjectNode json) {
        return (ObjectNode) order(json).get("items").get(0);
    }

    /** The message with one change made to it, written back as text. */
    private static String edit(String message, Consumer<ObjectNode> change) {
        try {
            ObjectNode json = (ObjectNode) Json.MAPPER.readTree(message);
            change.accept(json);
            return Json.MAPPER.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fixture(String path) {
        try (InputStream in = OrderChangeMessageTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
