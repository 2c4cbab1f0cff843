package dev.orderflow.local.security;

import dev.orderflow.local.auth.SigningKey;
import dev.orderflow.local.auth.TestTokens;
import dev.orderflow.local.stack.LocalStack;
import dev.orderflow.local.stack.LocalStackOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of refused token on every route, over real HTTP against the whole local stack: each is answered with
 * the status API Gateway's Cognito authorizer gives it and a JSON {@code {"message": ...}}, and leaves nothing
 * behind (the poller is stopped, so anything enqueued would stay in the queue; the caller's items must not change,
 * though DELETE and PUT name the caller's real order).
 *
 * <p>Statuses: no, malformed, forged, expired, not yet valid, foreign or ID token: 401, as API Gateway answers
 * (UNAUTHORIZED; an expired token is EXPIRED_TOKEN locally, 401 with its own message). A valid access token
 * without the operation's scope: 403 here, where API Gateway itself answers 401; the architecture asks for 403 so
 * that a client can tell "who are you" from "not allowed", and the local gateway follows it (README, "Where it
 * differs from AWS").
 */
class TokenMatrixIT {

    private static final String CALLER = "demo";
    private static final String ORDER_ID = "token-matrix-order";
    private static final String ORDER = """
            {"restaurantId": "luigis-pizzeria", "items": [{"menuItemId": "margherita", "quantity": 1}]}""";
    private static final String READ = "orders/read";
    private static final String WRITE = "orders/write";
    private static final SigningKey UNKNOWN_KEY = SigningKey.generate();

    private static LocalStack stack;
    private static HttpCaller http;
    private static TokenSource tokens;

    /** A route of the API, with the scope it needs and its status with a valid token. */
    record Route(String method, String path, String body, String scope, int okStatus) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * How to mint a token: the real ones (from the token URL) and {@link TestTokens} with the server's key and
     * issuer, to bend.
     */
    record TokenSource(TestTokens test, String issuer, String accessToken, String readOnlyAccessToken) {
    }

    /**
     * A kind of token and the status it gets; {@code authorization} gives the {@code Authorization} header for a
     * route (null: none).
     */
    record TokenKind(String name, BiFunction<TokenSource, Route, String> authorization, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/orders", "", READ, 200),
            new Route("GET", "/orders/" + ORDER_ID, "", READ, 200),
            new Route("POST", "/orders", ORDER, WRITE, 202),
            new Route("PUT", "/orders/" + ORDER_ID, ORDER, WRITE, 202),
            new Route("DELETE", "/orders/" + ORDER_ID, "", WRITE, 204));

    @BeforeAll
    static void startStackWithAnOrder_thenStopThePoller() {
        stack = LocalStack.start(LocalStackOptions.ephemeral());
        http = new HttpCaller(stack.endpoints());
        tokens = new TokenSource(stack.authorizationServer().testTokens(), stack.authorizationServer().issuer(),
                http.accessToken(CALLER, "demo-secret"), http.accessToken("demo-read-only", "demo-read-only-secret"));
        HttpCaller.Answer placed = http.send(HttpCase.of("place", "POST", "/orders", 202).json(ORDER)
                .header("Idempotency-Key", ORDER_ID), tokens.accessToken());
        assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
        Await.until("the order to be decided", () -> Footprint.decided(stack, CALLER, ORDER_ID));
        Footprint.stopThePollerOnceTheQueueIsEmpty(stack);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static Stream<TokenKind> tokenKinds() {
        Instant now = Instant.now();
        return Stream.of(
                new TokenKind("no token", (t, route) -> null, 401),
                new TokenKind("an empty Bearer", (t, route) -> "Bearer ", 401),
                new TokenKind("malformed: not a JWT", (t, route) -> "Bearer not-a-jwt", 401),
                new TokenKind("malformed: three parts of garbage", (t, route) -> "Bearer a.b.c", 401),
                new TokenKind("client credentials instead of a token", (t, route) -> "Basic "
                        + Base64.getEncoder().encodeToString("demo:demo-secret".getBytes(StandardCharsets.UTF_8)), 401),
                new TokenKind("alg none", (t, route) -> bearer(t.test().accessToken(CALLER, READ, WRITE).unsigned()), 401),
                new TokenKind("HS256 signed with the public key", (t, route) ->
                        bearer(t.test().accessToken(CALLER, READ, WRITE).signedHs256WithPublicKey()), 401),
                new TokenKind("wrong signature: an unknown key", (t, route) ->
                        bearer(t.test().accessToken(CALLER, READ, WRITE).signedWith(UNKNOWN_KEY).sign()), 401),
                new TokenKind("wrong signature: another key under the server's key id", (t, route) ->
                        bearer(t.test().accessToken(CALLER, READ, WRITE).signedWith(UNKNOWN_KEY).keyId(t.test().keyId())
                                .sign()), 401),
                new TokenKind("wrong signature: claims changed after signing", (t, route) ->
                        bearer(withClaims(t.accessToken(), "\"sub\":\"demo\"", "\"sub\":\"demo-other\"")), 401),
                new TokenKind("wrong signature: none", (t, route) ->
                        bearer(t.accessToken().substring(0, t.accessToken().lastIndexOf('.') + 1)), 401),
                new TokenKind("expired", (t, route) ->
                        bearer(t.test().accessToken(CALLER, READ, WRITE).expiresAt(now.minusSeconds(60)).sign()), 401),
                new TokenKind("no expiry", (t, route) ->
                        bearer(t.test().accessToken(CALLER, READ, WRITE).claim("exp", null).sign()), 401),
                new TokenKind("not yet valid", (t, route) ->
                        bearer(t.test().accessToken(CALLER, READ, WRITE).notBefore(now.plusSeconds(600)).sign()), 401),
                new TokenKind("wrong issuer", (t, route) -> bearer(t.test().accessToken(CALLER, READ, WRITE)
                        .issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other").sign()), 401),
                new TokenKind("wrong issuer: a trailing slash", (t, route) ->
                        bearer(t.test().accessToken(CALLER, READ, WRITE).issuer(t.issuer() + "/").sign()), 401),
                new TokenKind("an ID token", (t, route) -> bearer(t.test().idToken(CALLER).sign()), 401),
                new TokenKind("no token_use", (t, route) ->
                        bearer(t.test().accessToken(CALLER, READ, WRITE).claim("token_use", null).sign()), 401),
                new TokenKind("token_use not text", (t, route) ->
                        bearer(t.test().accessToken(CALLER, READ, WRITE).claim("token_use", 1).sign()), 401),
                // API Gateway answers a missing scope 401; the local gateway 403 (see the class comment).
                new TokenKind("missing scope: none at all", (t, route) ->
                        bearer(t.test().accessToken(CALLER).sign()), 403),
                new TokenKind("missing scope: only the other one", (t, route) -> route.scope().equals(READ)
                        ? bearer(t.test().accessToken(CALLER, WRITE).sign()) : bearer(t.readOnlyAccessToken()), 403),
                new TokenKind("missing scope: an unknown one", (t, route) ->
                        bearer(t.test().accessToken(CALLER, "orders/admin").sign()), 403));
    }

    static Stream<Arguments> refusedTokensOnEveryRoute() {
        return tokenKinds().flatMap(kind -> ROUTES.stream().map(route -> Arguments.of(kind, route)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("refusedTokensOnEveryRoute")
    void refusedToken_isAnsweredWithItsStatusAndAJsonMessage_andEnqueuesAndStoresNothing(TokenKind kind, Route route) {
        Footprint before = Footprint.of(stack, CALLER);

        HttpCaller.Answer answer = http.send(request(kind + " on " + route, route, kind.status(),
                kind.authorization().apply(tokens, route)), null);

        assertThat(answer.status()).as("%s on %s answered %s", kind, route, answer).isEqualTo(kind.status());
        assertThat(answer.message()).isNotBlank();
        assertThat(Footprint.of(stack, CALLER)).as("what %s on %s left behind", kind, route).isEqualTo(before);
    }

    /** The control: the same requests with the caller's real access token pass, so each refusal above is the token's. */
    @Test
    void theSameRequests_withAValidAccessToken_pass() {
        for (Route route : ROUTES) {
            HttpCaller.Answer answer = http.send(request("valid on " + route, route, route.okStatus(),
                    bearer(tokens.accessToken())), null);

            assertThat(answer.status()).as("%s answered %s", route, answer).isEqualTo(route.okStatus());
        }
    }

    private static HttpCase request(String name, Route route, int status, String authorization) {
        HttpCase request = HttpCase.of(name, route.method(), route.path(), status);
        request = route.body().isEmpty() ? request : request.json(route.body());
        return authorization == null ? request.withoutToken() : request.header("Authorization", authorization);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The token with {@code from} replaced by {@code to} in its claims, and its original signature. */
    private static String withClaims(String token, String from, String to) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains(from);
        String changed = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + changed + "." + parts[2];
    }
}
