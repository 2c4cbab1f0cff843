package dev.orderflow.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static java.time.temporal.ChronoUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AuthorizationServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static AuthorizationServer server;
    private static OAuthClient demo;
    private static OAuthClient readOnly;

    @BeforeAll
    static void start() {
        server = AuthorizationServer.builder().port(0).start();
        demo = server.client("demo");
        readOnly = server.client("demo-read-only");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void token_forAGoodClient_hasCognitoAccessTokenClaims_andVerifiesAgainstTheJwks() throws Exception {
        Instant before = Instant.now();
        HttpResponse<String> response = post(basic(demo), "grant_type=client_credentials&scope=orders/read%20orders/write");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asInt()).isEqualTo(3600);

        SignedJWT jwt = SignedJWT.parse(body.path("access_token").asText());
        JWKSet jwks = JWKSet.parse(get(server.jwksUri()).body());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the token's kid names a published key").isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("demo");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("demo");
        assertThat(claims.getStringClaim("scope")).isEqualTo("orders/read orders/write");
        assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
        assertThat(claims.getIssuer()).isEqualTo(server.issuer());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getIssueTime().toInstant()).isCloseTo(before, within(5, SECONDS));
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(claims.getIssueTime().toInstant().plus(AuthorizationServer.ACCESS_TOKEN_LIFETIME));
    }

    @Test
    void token_withClientCredentialsInTheForm_isIssued() throws Exception {
        HttpResponse<String> response = post(null, "grant_type=client_credentials&scope=orders/read"
                + "&client_id=demo-read-only&client_secret=" + readOnly.clientSecret());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(claims(response).getStringClaim("scope")).isEqualTo("orders/read");
    }

    @Test
    void token_withoutScope_grantsEveryScopeOfTheClient() throws Exception {
        HttpResponse<String> response = post(basic(demo), "grant_type=client_credentials");

        assertThat(claims(response).getStringClaim("scope")).isEqualTo("orders/read orders/write");
    }

    @Test
    void token_forEachClient_hasThatClientAsSubject() throws Exception {
        HttpResponse<String> other = post(basic(server.client("demo-other")), "grant_type=client_credentials");

        assertThat(claims(other).getSubject()).isEqualTo("demo-other");
    }

    @Test
    void unknownClient_isInvalidClient() throws Exception {
        HttpResponse<String> response = post(basic(new OAuthClient("nobody", "secret", List.of())),
                "grant_type=client_credentials");

        assertError(response, "invalid_client");
    }

    @Test
    void wrongSecret_isInvalidClient_byBasicAndByForm() throws Exception {
        assertError(post(basic(new OAuthClient("demo", "wrong", List.of())), "grant_type=client_credentials"),
                "invalid_client");
        assertError(post(null, "grant_type=client_credentials&client_id=demo&client_secret=wrong"), "invalid_client");
    }

    @Test
    void noClientAuthentication_isInvalidClient() throws Exception {
        assertError(post(null, "grant_type=client_credentials"), "invalid_client");
    }

    @Test
    void scopeTheClientMayNotHave_isInvalidScope() throws Exception {
        assertError(post(basic(readOnly), "grant_type=client_credentials&scope=orders/write"), "invalid_scope");
    }

    @Test
    void scopeThatDoesNotExist_isInvalidScope() throws Exception {
        assertError(post(basic(demo), "grant_type=client_credentials&scope=orders/admin"), "invalid_scope");
    }

    @Test
    void anotherGrant_isUnsupportedGrantType() throws Exception {
        assertError(post(basic(demo), "grant_type=password&username=a&password=b"), "unsupported_grant_type");
    }

    @Test
    void missingGrantType_isInvalidRequest() throws Exception {
        assertError(post(basic(demo), "scope=orders/read"), "invalid_request");
    }

    @Test
    void discoveryDocument_namesTheIssuerAndEndpoints() throws Exception {
        JsonNode document = JSON.readTree(get(URI.create(server.issuer() + AuthorizationServer.DISCOVERY_PATH)).body());

        assertThat(document.path("issuer").asText()).isEqualTo(server.issuer());
        assertThat(document.path("token_endpoint").asText()).isEqualTo(server.tokenEndpoint().toString());
        assertThat(document.path("jwks_uri").asText()).isEqualTo(server.jwksUri().toString());
    }

    @Test
    void clients_neverShowTheirSecretInToString() {
        assertThat(demo.toString()).contains("demo").doesNotContain(demo.clientSecret());
    }

    private static JWTClaimsSet claims(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SignedJWT.parse(JSON.readTree(response.body()).path("access_token").asText()).getJWTClaimsSet();
    }

    private static void assertError(HttpResponse<String> response, String error) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo(error);
    }

    private static String basic(OAuthClient client) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String authorization, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
