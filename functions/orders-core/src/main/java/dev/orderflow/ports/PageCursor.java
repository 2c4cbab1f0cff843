package dev.orderflow.ports;

import java.time.Instant;

/** Where a newest-first listing stopped: the last order returned. Opaque to clients once encoded. */
public record PageCursor(Instant createdAt, String orderId) {
}
