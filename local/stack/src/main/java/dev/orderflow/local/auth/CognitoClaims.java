package dev.orderflow.local.auth;

import com.nimbusds.jwt.JWTClaimsSet;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;

/** The claims Cognito puts in its tokens, so that the server and {@link TestTokens} mint the same shape. */
final class CognitoClaims {

    private CognitoClaims() {
    }

    /** A client_credentials access token: the subject is the client id, the scopes space-separated. */
    static JWTClaimsSet.Builder accessToken(String issuer, String clientId, Collection<String> scopes,
                                            Instant issuedAt, Duration lifetime) {
        return common(issuer, clientId, issuedAt, lifetime)
                .claim("token_use", "access")
                .claim("scope", String.join(" ", scopes))
                .claim("version", 2)
                .claim("client_id", clientId);
    }

    /** An ID token of a signed-in user: it names an audience (the app client) and has no scopes. */
    static JWTClaimsSet.Builder idToken(String issuer, String subject, String audience, Instant issuedAt, Duration lifetime) {
        return common(issuer, subject, issuedAt, lifetime)
                .claim("token_use", "id")
                .audience(audience)
                .claim("cognito:username", subject);
    }

    private static JWTClaimsSet.Builder common(String issuer, String subject, Instant issuedAt, Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .claim("auth_time", issuedAt.getEpochSecond())
                .jwtID(UUID.randomUUID().toString());
    }
}
