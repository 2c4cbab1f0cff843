package dev.orderflow.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Mints tokens shaped like the authorization server's, then lets a test bend them: other claims, times or issuer,
 * an ID token, another key, {@code alg: none}, or HS256 keyed with the RSA public key. For negative tests of
 * whatever verifies the tokens; the server issues its own through the same claim builders.
 *
 * <pre>{@code
 * TestTokens tokens = authorizationServer.testTokens();
 * String expired = tokens.accessToken("demo", "orders/write").expiresAt(Instant.now().minusSeconds(60)).sign();
 * }</pre>
 */
public final class TestTokens {

    private final SigningKey key;
    private final String issuer;
    private final Clock clock;
    private final Duration lifetime;

    public TestTokens(SigningKey key, String issuer, Clock clock, Duration lifetime) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The id of the key the server signs with (for a token that names it but is signed by another). */
    public String keyId() {
        return key.keyId();
    }

    /** A client_credentials access token for {@code clientId} with {@code scopes}, as the token endpoint issues it. */
    public Token accessToken(String clientId, String... scopes) {
        return new Token(CognitoClaims.accessToken(issuer, clientId, List.of(scopes), clock.instant(), lifetime));
    }

    /** An ID token for {@code subject}, which an API that checks scopes must refuse. */
    public Token idToken(String subject) {
        return new Token(CognitoClaims.idToken(issuer, subject, "demo", clock.instant(), lifetime));
    }

    /** One token being made; every method but the last ones changes it and returns it. */
    public final class Token {
        private final JWTClaimsSet.Builder claims;
        private SigningKey signingKey = key;
        private String headerKeyId;

        private Token(JWTClaimsSet.Builder claims) {
            this.claims = claims;
        }

        /** Sets a claim; {@code null} removes it. */
        public Token claim(String name, Object value) {
            claims.claim(name, value instanceof Instant instant ? Date.from(instant) : value);
            return this;
        }

        public Token issuer(String otherIssuer) {
            return claim("iss", otherIssuer);
        }

        public Token expiresAt(Instant instant) {
            return claim("exp", instant);
        }

        public Token notBefore(Instant instant) {
            return claim("nbf", instant);
        }

        public Token issuedAt(Instant instant) {
            return claim("iat", instant);
        }

        /** Signs with another key (one the verifier does not know); the header names that key's id. */
        public Token signedWith(SigningKey otherKey) {
            this.signingKey = otherKey;
            return this;
        }

        /** Puts {@code keyId} in the header whatever key signs. */
        public Token keyId(String keyId) {
            this.headerKeyId = keyId;
            return this;
        }

        /** The token, RS256-signed. */
        public String sign() {
            JWTClaimsSet built = claims.build();
            return headerKeyId == null ? signingKey.sign(built) : signingKey.sign(built, headerKeyId);
        }

        /** The token with {@code alg: none} and no signature. */
        public String unsigned() {
            return new PlainJWT(claims.build()).serialize();
        }

        /** The token HS256-signed with the server's RSA public key as the secret (the key-confusion attack). */
        public String signedHs256WithPublicKey() {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(headerKeyId == null ? key.keyId() : headerKeyId).build(), claims.build());
                jwt.sign(new MACSigner(key.publicKeyEncoded()));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException("HS256 signing failed", e);
            }
        }
    }
}
