package dev.orderflow.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Step Functions execution name for a change: a deterministic function of who and which order, so that
 * SQS redeliveries and client retries map onto one execution ({@code ExecutionAlreadyExists} means "already
 * started").
 *
 * <p>{@code c-<orderId prefix>-<hash>} for a create, hash of (userId, orderId); {@code r-<orderId prefix>-<hash>}
 * for a replace, hash of (userId, orderId, requestId), since every replace is a change of its own. The prefix is
 * at most 40 characters of the order id (already limited to {@code [A-Za-z0-9_-]}), the hash 32 hex digits of
 * SHA-256: at most 75 characters, inside Step Functions' 80 and its character rules.
 */
public final class ExecutionName {

    public static final int MAX_LENGTH = 80;
    private static final int ORDER_ID_PREFIX = 40;
    private static final int HASH_HEX_DIGITS = 32;

    private ExecutionName() {
    }

    public static String of(OrderChange change) {
        String readable = change.orderId().replaceAll("[^A-Za-z0-9_-]", "_");
        if (readable.length() > ORDER_ID_PREFIX) {
            readable = readable.substring(0, ORDER_ID_PREFIX);
        }
        return switch (change.kind()) {
            case CREATE -> "c-" + readable + "-" + hash(change.userId(), change.orderId());
            case REPLACE -> "r-" + readable + "-" + hash(change.userId(), change.orderId(), change.requestId());
        };
    }

    private static String hash(String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                // Length-prefixed, so that ("ab", "c") and ("a", "bc") never collide.
                sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha256.update((byte) ':');
                sha256.update(bytes);
            }
            return HexFormat.of().formatHex(sha256.digest()).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
