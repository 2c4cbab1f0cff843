package dev.orderflow.local.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.lang.System.Logger.Level.DEBUG;

/**
 * Checks the {@code Authorization} header as API Gateway's Cognito user pools authorizer does: the header holds the
 * token, raw or after {@code Bearer }; an RS256 signature by a key of the pool's JWKS; the pool's issuer; not
 * expired ({@code exp}) and, when present, not before {@code nbf}; {@code token_use} {@code access} or {@code id}.
 * A method with authorization scopes takes only an access token, with at least one of its scopes.
 *
 * <p>Answers: no or bad token: UNAUTHORIZED (401); expired: EXPIRED_TOKEN; a valid token without the scope:
 * ACCESS_DENIED, 403. (API Gateway itself answers a missing scope with 401 Unauthorized; the architecture asks for
 * 403 so a client can tell "who are you" from "not allowed", and the local gateway follows the architecture.)
 * The JWKS cannot be fetched: AUTHORIZER_CONFIGURATION_ERROR (500). Tokens are never logged.
 */
final class CognitoAuthorizer {

    private static final System.Logger LOG = System.getLogger(CognitoAuthorizer.class.getName());

    /** How API Gateway hands date claims to templates and Lambda: {@code Sun Nov 22 11:00:00 UTC 2026}. */
    private static final DateTimeFormatter CLAIM_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ENGLISH).withZone(ZoneId.of("UTC"));
    private static final Set<String> TOKEN_USES = Set.of("access", "id");

    private final String issuer;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Clock clock;

    CognitoAuthorizer(String issuer, JWKSource<SecurityContext> keys, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
        this.processor = new DefaultJWTProcessor<>();
        // RS256 only: an unsigned token (alg none) or an HMAC one (HS256 keyed with the public key) finds no key.
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // Claims are checked below, so that an expired token can be told from an invalid one.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    /**
     * An authorizer for the pool whose keys are at {@code jwksUri}. Keys are cached; a token naming an unknown
     * {@code kid} makes it fetch them again (not rate-limited: the keys are local).
     */
    static CognitoAuthorizer forJwks(URI jwksUri, String issuer, Clock clock) {
        try {
            return new CognitoAuthorizer(issuer,
                    JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL()).rateLimited(false).build(), clock);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a JWKS URL: " + jwksUri, e);
        }
    }

    /**
     * The token's claims as strings, as {@code $context.authorizer.claims} and a proxy event's
     * {@code requestContext.authorizer.claims} show them.
     *
     * @throws GatewayError when the request may not pass
     */
    Map<String, String> authorize(Optional<String> authorizationHeader, Operation.Security security) {
        String token = authorizationHeader.map(CognitoAuthorizer::withoutBearer).filter(value -> !value.isEmpty())
                .orElseThrow(() -> refuse(GatewayResponseType.UNAUTHORIZED, "no token"));
        JWTClaimsSet claims = verifiedClaims(token);
        Instant now = clock.instant();
        if (!issuer.equals(claims.getIssuer())) {
            throw refuse(GatewayResponseType.UNAUTHORIZED, "another issuer");
        }
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw refuse(GatewayResponseType.UNAUTHORIZED, "no exp");
        }
        if (!now.isBefore(expires.toInstant())) {
            throw refuse(GatewayResponseType.EXPIRED_TOKEN, "expired");
        }
        if (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant())) {
            throw refuse(GatewayResponseType.UNAUTHORIZED, "not yet valid");
        }
        String tokenUse = stringClaim(claims, "token_use");
        if (tokenUse == null || !TOKEN_USES.contains(tokenUse)) { // Set.of(...).contains(null) would throw
            throw refuse(GatewayResponseType.UNAUTHORIZED, "token_use is neither access nor id");
        }
        if (!security.scopes().isEmpty()) {
            if (!"access".equals(tokenUse)) {
                throw refuse(GatewayResponseType.UNAUTHORIZED, "not an access token");
            }
            String scope = stringClaim(claims, "scope");
            List<String> granted = scope == null ? List.of() : List.of(scope.trim().split(" +"));
            if (security.scopes().stream().noneMatch(granted::contains)) {
                throw refuse(GatewayResponseType.ACCESS_DENIED, "missing scope");
            }
        }
        return asStrings(claims);
    }

    private JWTClaimsSet verifiedClaims(String token) {
        try {
            return processor.process(token, null);
        } catch (KeySourceException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot fetch the JWKS to verify a token: {0}", e.getMessage());
            throw GatewayError.of(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw refuse(GatewayResponseType.UNAUTHORIZED, e.getClass().getSimpleName());
        }
    }

    private static String withoutBearer(String header) {
        String value = header.trim();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value;
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text ? text : null;
    }

    /** Every claim as text: dates as API Gateway prints them, everything else as its string form. */
    private static Map<String, String> asStrings(JWTClaimsSet claims) {
        Map<String, String> strings = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> strings.put(name, switch (value) {
            case Date date -> CLAIM_DATE.format(date.toInstant());
            case List<?> list -> list.toString();
            default -> String.valueOf(value);
        }));
        return strings;
    }

    private static GatewayError refuse(GatewayResponseType type, String reason) {
        LOG.log(DEBUG, "token refused: {0}", reason);
        return GatewayError.of(type);
    }
}
