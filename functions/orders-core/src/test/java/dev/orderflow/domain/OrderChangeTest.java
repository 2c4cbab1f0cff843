package dev.orderflow.domain;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.orderflow.domain.Orders.aReplace;
import static org.assertj.core.api.Assertions.assertThat;

class OrderChangeTest {

    private static final long EARLIER = 1_795_601_730_123L;
    private static final long LATER = EARLIER + 1;

    @Test
    void isNewerThan_whenReceivedLater_isTrueWhateverTheRequestIds() {
        OrderChange change = aReplace().receivedAt(LATER).withRequestId("aaaa").build();

        assertThat(change.isNewerThan(EARLIER, "zzzz")).isTrue();
    }

    @Test
    void isNewerThan_whenReceivedEarlier_isFalseWhateverTheRequestIds() {
        OrderChange change = aReplace().receivedAt(EARLIER).withRequestId("zzzz").build();

        assertThat(change.isNewerThan(LATER, "aaaa")).isFalse();
    }

    @Test
    void isNewerThan_whenReceivedInTheSameMillisecond_isDecidedByTheRequestId() {
        OrderChange change = aReplace().receivedAt(EARLIER).withRequestId("request-b").build();

        assertThat(change.isNewerThan(EARLIER, "request-a")).isTrue();
        assertThat(change.isNewerThan(EARLIER, "request-c")).isFalse();
    }

    @Test
    void isNewerThan_itself_isFalse() {
        OrderChange change = aReplace().build();

        assertThat(change.isNewerThan(change.receivedAt(), change.requestId())).isFalse();
    }

    @Test
    void isNewerThan_ofTwoDifferentChanges_holdsForExactlyOne() {
        Random random = new Random(7L);
        for (int i = 0; i < 10_000; i++) {
            OrderChange a = randomChange(random);
            OrderChange b = randomChange(random);
            boolean same = a.receivedAt() == b.receivedAt() && a.requestId().equals(b.requestId());
            boolean aNewer = a.isNewerThan(b.receivedAt(), b.requestId());
            boolean bNewer = b.isNewerThan(a.receivedAt(), a.requestId());

            assertThat(aNewer && bNewer).as("both newer: %s, %s", a, b).isFalse();
            assertThat(aNewer || bNewer).as("one newer: %s, %s", a, b).isEqualTo(!same);
        }
    }

    /** Few distinct values, so that ties on receivedAt and on both fields are common. */
    private static OrderChange randomChange(Random random) {
        return aReplace()
                .receivedAt(EARLIER + random.nextInt(3))
                .withRequestId("request-" + random.nextInt(3))
                .build();
    }
}
