package dev.orderflow.api;

import dev.orderflow.domain.Identifiers;
import dev.orderflow.ports.PageCursor;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque {@code nextToken}s: the cursor, signed with HMAC-SHA256 and bound to the caller. A token that was forged,
 * tampered with, truncated or issued to someone else does not decode (the API answers 400), so a client can
 * only continue a listing it was given.
 */
final class PageTokens {

    static final int MIN_KEY_BYTES = 32;
    private static final String VERSION = "v1";
    private static final int SIGNATURE_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    PageTokens(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("page token key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    String encode(String userId, PageCursor cursor) {
        String payload = VERSION + "|" + cursor.createdAt().toEpochMilli() + "|" + cursor.orderId();
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(sign(userId, payloadBytes));
    }

    /** The cursor, or empty when the token is not one this service issued to this caller. */
    Optional<PageCursor> decode(String userId, String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        Optional<byte[]> payloadBytes = canonicalBase64(token.substring(0, dot));
        Optional<byte[]> signature = canonicalBase64(token.substring(dot + 1));
        if (payloadBytes.isEmpty() || signature.isEmpty()) {
            return Optional.empty();
        }
        byte[] payload = payloadBytes.get();
        if (!MessageDigest.isEqual(signature.get(), sign(userId, payload))) {
            return Optional.empty();
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (fields.length != 3 || !VERSION.equals(fields[0]) || !Identifiers.isOrderId(fields[2])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PageCursor(Instant.ofEpochMilli(Long.parseLong(fields[1])), fields[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Decodes only the one spelling this class writes, so no two different tokens are accepted as the same. */
    private static Optional<byte[]> canonicalBase64(String text) {
        try {
            byte[] bytes = DECODER.decode(text);
            return ENCODER.encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String userId, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
