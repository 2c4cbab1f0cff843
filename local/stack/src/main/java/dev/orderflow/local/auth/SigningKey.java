package dev.orderflow.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.util.UUID;

/**
 * An RS256 key pair that signs JWTs, as a Cognito user pool's. Made at start ({@link #generate()}) or taken from
 * configuration ({@link #of(RSAKey)}); never written to disk by this class.
 */
public final class SigningKey {

    private static final int KEY_SIZE_BITS = 2048;

    private final RSAKey rsaKey;

    private SigningKey(RSAKey rsaKey) {
        this.rsaKey = rsaKey;
    }

    /** A fresh 2048-bit key with a random key id. */
    public static SigningKey generate() {
        try {
            return new SigningKey(new RSAKeyGenerator(KEY_SIZE_BITS)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("the JDK cannot make an RSA key", e);
        }
    }

    /** A configured key; it must hold the private part and a key id. */
    public static SigningKey of(RSAKey rsaKey) {
        if (!rsaKey.isPrivate() || rsaKey.getKeyID() == null) {
            throw new IllegalArgumentException("a signing key needs its private part and a key id (kid)");
        }
        return new SigningKey(rsaKey);
    }

    public String keyId() {
        return rsaKey.getKeyID();
    }

    /** The public half, as the JWKS endpoint publishes it. */
    public JWKSet publicJwks() {
        return new JWKSet(rsaKey.toPublicJWK());
    }

    /** The public key's X.509 encoding: what an HS256 key-confusion attack would use as the HMAC secret. */
    public byte[] publicKeyEncoded() {
        try {
            return rsaKey.toRSAPublicKey().getEncoded();
        } catch (JOSEException e) {
            throw new IllegalStateException("an RSA JWK always has a public key", e);
        }
    }

    /** An RS256 JWT with this key's id in its header. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, keyId());
    }

    /** An RS256 JWT signed with this key but naming {@code headerKeyId} as its {@code kid}. */
    public String sign(JWTClaimsSet claims, String headerKeyId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(headerKeyId).build(), claims);
            jwt.sign(new RSASSASigner(rsaKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + keyId() + "]";
    }
}
