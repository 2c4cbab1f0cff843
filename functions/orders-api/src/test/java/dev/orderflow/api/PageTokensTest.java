package dev.orderflow.api;

import dev.orderflow.ports.PageCursor;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTokensTest {

    private final PageTokens tokens = new PageTokens(OrdersApiHandlerTest.KEY);
    private final PageCursor cursor = new PageCursor(Instant.parse("2026-11-22T10:00:00.123Z"), "order-7");

    @Test
    void decode_ofItsOwnToken_givesTheCursorBack() {
        assertThat(tokens.decode("alice", tokens.encode("alice", cursor))).contains(cursor);
    }

    @Test
    void decode_forAnotherCaller_orWithAnotherKey_isEmpty() {
        String token = tokens.encode("alice", cursor);

        assertThat(tokens.decode("bob", token)).isEmpty();
        assertThat(new PageTokens("another-key-another-key-another-k".getBytes()).decode("alice", token)).isEmpty();
    }

    @Test
    void decode_ofEverySingleCharacterChange_isEmpty() {
        String token = tokens.encode("alice", cursor);
        for (int i = 0; i < token.length(); i++) {
            char replacement = token.charAt(i) == 'x' ? 'y' : 'x';
            String changed = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(tokens.decode("alice", changed)).as("changed at %d: %s", i, changed).isEmpty();
        }
    }

    @Test
    void tokens_areOpaqueUrlSafeText() {
        assertThat(tokens.encode("alice", cursor)).matches("[A-Za-z0-9_.-]+").doesNotContain("order-7");
    }

    @Test
    void shortKey_isRefused() {
        assertThatThrownBy(() -> new PageTokens(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
