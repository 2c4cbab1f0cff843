package dev.orderflow.local.gateway;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.orderflow.local.auth.SigningKey;
import dev.orderflow.local.auth.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CognitoAuthorizerTest {

    private static final String ISSUER = "http://127.0.0.1:1";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private static final SigningKey KEY = SigningKey.generate();
    private static final TestTokens TOKENS = new TestTokens(KEY, ISSUER, CLOCK, Duration.ofHours(1));
    private static final Operation.Security READ_OR_WRITE = new Operation.Security(true, List.of("orders/read", "orders/write"));
    private static final Operation.Security NO_SCOPES = new Operation.Security(true, List.of());

    private final CognitoAuthorizer authorizer = new CognitoAuthorizer(ISSUER, new ImmutableJWKSet<>(KEY.publicJwks()), CLOCK);

    @Test
    void claims_areHandedOnAsStrings_datesAsApiGatewayPrintsThem() {
        Map<String, String> claims = authorize(TOKENS.accessToken("demo", "orders/read").sign(), READ_OR_WRITE);

        assertThat(claims).containsEntry("sub", "demo")
                .containsEntry("scope", "orders/read")
                .containsEntry("exp", "Sun Nov 22 11:00:00 UTC 2026")
                .containsEntry("iat", "Sun Nov 22 10:00:00 UTC 2026")
                .containsEntry("version", "2");
    }

    @Test
    void anyOneOfTheMethodsScopes_isEnough() {
        assertThat(authorize(TOKENS.accessToken("demo", "orders/write").sign(), READ_OR_WRITE)).containsKey("sub");
    }

    @Test
    void tokenWithNoneOfTheScopes_isAccessDenied() {
        assertRefused(TOKENS.accessToken("demo", "other/scope").sign(), READ_OR_WRITE, GatewayResponseType.ACCESS_DENIED);
    }

    @Test
    void idToken_passesAMethodWithoutScopes_butNotOneWithScopes() {
        String idToken = TOKENS.idToken("user-1").sign();

        assertThat(authorize(idToken, NO_SCOPES)).containsEntry("token_use", "id");
        assertRefused(idToken, READ_OR_WRITE, GatewayResponseType.UNAUTHORIZED);
    }

    @Test
    void tokenExpiringThisInstant_isExpired() {
        assertRefused(TOKENS.accessToken("demo", "orders/read").expiresAt(CLOCK.instant()).sign(), READ_OR_WRITE,
                GatewayResponseType.EXPIRED_TOKEN);
    }

    @Test
    void tokenWithoutExpiryOrWithAnotherTokenUse_isUnauthorized() {
        assertRefused(TOKENS.accessToken("demo", "orders/read").claim("exp", null).sign(), READ_OR_WRITE,
                GatewayResponseType.UNAUTHORIZED);
        assertRefused(TOKENS.accessToken("demo", "orders/read").claim("token_use", "refresh").sign(), READ_OR_WRITE,
                GatewayResponseType.UNAUTHORIZED);
    }

    @Test
    void tokenWithoutTokenUseOrWithOneThatIsNoText_isUnauthorized() {
        assertRefused(TOKENS.accessToken("demo", "orders/read").claim("token_use", null).sign(), READ_OR_WRITE,
                GatewayResponseType.UNAUTHORIZED);
        assertRefused(TOKENS.accessToken("demo", "orders/read").claim("token_use", 1).sign(), READ_OR_WRITE,
                GatewayResponseType.UNAUTHORIZED);
    }

    @Test
    void emptyOrBlankHeader_isUnauthorized() {
        assertRefused("Bearer ", READ_OR_WRITE, GatewayResponseType.UNAUTHORIZED);
        assertThatThrownBy(() -> authorizer.authorize(Optional.empty(), READ_OR_WRITE))
                .isInstanceOfSatisfying(GatewayError.class, error -> assertThat(error.type()).isEqualTo(GatewayResponseType.UNAUTHORIZED));
    }

    @Test
    void unreachableJwks_isAnAuthorizerConfigurationError_notARefusedToken() {
        CognitoAuthorizer withoutKeys = CognitoAuthorizer.forJwks(URI.create("http://127.0.0.1:1/.well-known/jwks.json"), ISSUER, CLOCK);

        assertThatThrownBy(() -> withoutKeys.authorize(Optional.of(TOKENS.accessToken("demo", "orders/read").sign()), READ_OR_WRITE))
                .isInstanceOfSatisfying(GatewayError.class,
                        error -> assertThat(error.type()).isEqualTo(GatewayResponseType.AUTHORIZER_CONFIGURATION_ERROR));
    }

    private Map<String, String> authorize(String token, Operation.Security security) {
        return authorizer.authorize(Optional.of("Bearer " + token), security);
    }

    private void assertRefused(String token, Operation.Security security, GatewayResponseType type) {
        assertThatThrownBy(() -> authorize(token, security))
                .isInstanceOfSatisfying(GatewayError.class, error -> assertThat(error.type()).isEqualTo(type));
    }
}
