package dev.orderflow.local.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * An app client allowed the client_credentials grant, with the custom scopes it may ask for (as a Cognito app
 * client with a secret and "allowed OAuth scopes"). {@link #toString()} never shows the secret.
 */
public record OAuthClient(String clientId, String clientSecret, List<String> scopes) {

    public static final String SCOPE_READ = "orders/read";
    public static final String SCOPE_WRITE = "orders/write";

    private static final SecureRandom RANDOM = new SecureRandom();

    public OAuthClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (clientId.isBlank() || clientSecret.isBlank()) {
            throw new IllegalArgumentException("a client needs an id and a secret");
        }
        scopes = List.copyOf(scopes);
    }

    /** A client with a fresh random secret (32 bytes, base64url). */
    public static OAuthClient withRandomSecret(String clientId, String... scopes) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new OAuthClient(clientId, Base64.getUrlEncoder().withoutPadding().encodeToString(secret), List.of(scopes));
    }

    /**
     * The local stack's clients, each with a fresh secret: {@code demo} and {@code demo-other} (two callers with both
     * scopes, to try caller isolation) and {@code demo-read-only}.
     */
    public static List<OAuthClient> demoClients() {
        return List.of(
                withRandomSecret("demo", SCOPE_READ, SCOPE_WRITE),
                withRandomSecret("demo-other", SCOPE_READ, SCOPE_WRITE),
                withRandomSecret("demo-read-only", SCOPE_READ));
    }

    @Override
    public String toString() {
        return "OAuthClient[clientId=" + clientId + ", scopes=" + scopes + "]";
    }
}
