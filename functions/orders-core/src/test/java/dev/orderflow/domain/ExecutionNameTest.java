package dev.orderflow.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static dev.orderflow.domain.Orders.aCreate;
import static dev.orderflow.domain.Orders.aReplace;
import static org.assertj.core.api.Assertions.assertThat;

class ExecutionNameTest {

    /** Step Functions' rules for an execution name, as far as this service relies on them. */
    private static final String ALLOWED = "[A-Za-z0-9_-]{1,80}";
    private static final String LONGEST_ORDER_ID = "Idem-" + "x".repeat(54) + "-9f1c";

    @Test
    void of_forTheSameCreate_isTheSameWhateverItsRequestIdOrArrival() {
        String first = nameOf(aCreate().withRequestId("request-1").receivedAt(1_000));
        String redelivered = nameOf(aCreate().withRequestId("request-2").receivedAt(2_000));

        assertThat(redelivered).isEqualTo(first);
    }

    @Test
    void of_forACreateByAnotherUser_differs() {
        assertThat(nameOf(aCreate().by("user-a"))).isNotEqualTo(nameOf(aCreate().by("user-b")));
    }

    @Test
    void of_forACreateOfAnotherOrder_differs() {
        assertThat(nameOf(aCreate().forOrder("order-a"))).isNotEqualTo(nameOf(aCreate().forOrder("order-b")));
    }

    @Test
    void of_forOrderIdsThatShareTheirReadablePrefix_differs() {
        String sharedPrefix = "k".repeat(40);

        assertThat(nameOf(aCreate().forOrder(sharedPrefix + "-first")))
                .isNotEqualTo(nameOf(aCreate().forOrder(sharedPrefix + "-second")));
    }

    @Test
    void of_forUserAndOrderIdsThatRunTogetherAlike_differs() {
        // Both run together as "a" + 41 b's and share the readable prefix: only the hash can tell them apart.
        assertThat(nameOf(aCreate().by("a").forOrder("b".repeat(41))))
                .isNotEqualTo(nameOf(aCreate().by("ab").forOrder("b".repeat(40))));
    }

    @Test
    void of_forAReplace_differsPerRequestId() {
        assertThat(nameOf(aReplace().withRequestId("request-1")))
                .isNotEqualTo(nameOf(aReplace().withRequestId("request-2")));
    }

    @Test
    void of_forTheSameReplace_isTheSame() {
        assertThat(nameOf(aReplace().receivedAt(1_000))).isEqualTo(nameOf(aReplace().receivedAt(2_000)));
    }

    @Test
    void of_forAReplace_differsFromTheCreateOfTheSameOrder() {
        assertThat(nameOf(aReplace())).isNotEqualTo(nameOf(aCreate()));
    }

    @Test
    void of_startsWithTheKindAndTheOrderId() {
        assertThat(nameOf(aCreate().forOrder("order-7"))).startsWith("c-order-7-");
        assertThat(nameOf(aReplace().forOrder("order-7"))).startsWith("r-order-7-");
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("oddChanges")
    void of_isAtMost80CharactersFromTheAllowedSet(OrderChange change) {
        assertThat(ExecutionName.of(change)).matches(ALLOWED).hasSizeLessThanOrEqualTo(ExecutionName.MAX_LENGTH);
    }

    /** Creates and replaces for the longest order id and for order and user ids no name may hold as they are. */
    static Stream<OrderChange> oddChanges() {
        List<String> userIds = List.of("5b7c2e8a-3f41-4d7e-9a0c-6e2f1b8d4c37",
                "Zoë Ünal", "用户 👩‍🍳", "a b\tc\nd", "/../?*:\"", "u".repeat(10_000));
        List<String> orderIds = List.of(LONGEST_ORDER_ID,
                "order with spaces/and:slashes", "订单-👩‍🍳".repeat(20));
        return userIds.stream().flatMap(userId -> orderIds.stream().flatMap(orderId -> Stream.of(
                aCreate().by(userId).forOrder(orderId).build(),
                aReplace().by(userId).forOrder(orderId).withRequestId(userId).build())));
    }

    @Test
    void of_forRandomUsersAndOrders_isValidAndDistinct() {
        Random random = new Random(80L);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            OrderChange change = aCreate().by(randomText(random, 100)).forOrder(randomOrderId(random)).build();
            String name = ExecutionName.of(change);
            assertThat(name).as("name of %s", change).matches(ALLOWED);
            names.add(name);
        }
        assertThat(names).hasSize(2_000);
    }

    private static String nameOf(Orders.ChangeBuilder change) {
        return ExecutionName.of(change.build());
    }

    private static String randomOrderId(Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        StringBuilder id = new StringBuilder();
        for (int length = random.nextInt(8, 65); id.length() < length; ) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** Any code points at all, including controls, surrogate pairs and characters no name may hold. */
    private static String randomText(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int length = random.nextInt(1, maxLength); text.length() < length; ) {
            int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
            if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }
}
