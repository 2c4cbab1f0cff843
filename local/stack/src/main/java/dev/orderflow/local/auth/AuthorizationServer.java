package dev.orderflow.local.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.orderflow.local.http.FormEncoding;
import dev.orderflow.local.http.LocalHttpServer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An OAuth2 authorization server that answers the client_credentials grant as an Amazon Cognito user pool does:
 * <ul>
 *   <li>{@value #TOKEN_PATH} (POST form {@code grant_type}, {@code scope}; the client by HTTP Basic or by
 *       {@code client_id}/{@code client_secret} form fields) answers {@code access_token}, {@code expires_in},
 *       {@code token_type}. The token is RS256-signed with a {@code kid} header and carries {@code sub} (the client
 *       id), {@code client_id}, {@code scope}, {@code token_use: access}, {@code iss}, {@code iat}, {@code exp}
 *       (one hour), {@code auth_time}, {@code jti}, {@code version}.</li>
 *   <li>No scope asked: every scope the client is allowed. A scope it is not allowed, or that does not exist:
 *       {@code invalid_scope}. Unknown client or wrong secret: {@code invalid_client}. Another grant:
 *       {@code unsupported_grant_type}. All errors are 400 {@code {"error": ...}}, as Cognito answers them.</li>
 *   <li>{@value #JWKS_PATH} publishes the public key; {@value #DISCOVERY_PATH} the OIDC discovery document.</li>
 * </ul>
 * The issuer is the server's base URL, {@code http://127.0.0.1:<port>}. The key is made at start unless one is given.
 */
public final class AuthorizationServer implements AutoCloseable {

    public static final String TOKEN_PATH = "/oauth2/token";
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);

    private static final String GRANT_CLIENT_CREDENTIALS = "client_credentials";
    private static final int MAX_FORM_BYTES = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalHttpServer http;
    private final Map<String, OAuthClient> clients;
    private final SigningKey signingKey;
    private final Clock clock;
    private final String issuer;

    private AuthorizationServer(Builder builder) {
        this.clients = new LinkedHashMap<>();
        builder.clients.forEach(client -> {
            if (clients.put(client.clientId(), client) != null) {
                throw new IllegalArgumentException("two clients with the id " + client.clientId());
            }
        });
        this.signingKey = builder.signingKey == null ? SigningKey.generate() : builder.signingKey;
        this.clock = builder.clock;
        this.http = LocalHttpServer.bind(builder.port);
        this.issuer = http.baseUri().toString();
        http.serve(Map.of(TOKEN_PATH, exactly(TOKEN_PATH, this::token), "/.well-known/", this::wellKnown));
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return http.port();
    }

    /** The {@code iss} of every token, and the base URL of the server. */
    public String issuer() {
        return issuer;
    }

    public URI tokenEndpoint() {
        return URI.create(issuer + TOKEN_PATH);
    }

    public URI jwksUri() {
        return URI.create(issuer + JWKS_PATH);
    }

    public List<OAuthClient> clients() {
        return List.copyOf(clients.values());
    }

    /** A configured client by id. */
    public OAuthClient client(String clientId) {
        return Optional.ofNullable(clients.get(clientId))
                .orElseThrow(() -> new IllegalArgumentException("no client " + clientId));
    }

    /** Tokens minted with this server's key and issuer, to be bent for negative tests. */
    public TestTokens testTokens() {
        return new TestTokens(signingKey, issuer, clock, ACCESS_TOKEN_LIFETIME);
    }

    @Override
    public void close() {
        http.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        TokenAnswer answer;
        try {
            answer = issue(exchange);
        } catch (TokenError error) {
            answer = new TokenAnswer(400, JSON.createObjectNode().put("error", error.code));
        }
        send(exchange, answer.status, answer.body);
    }

    private TokenAnswer issue(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!"POST".equals(exchange.getRequestMethod()) || contentType == null
                || !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw new TokenError("invalid_request");
        }
        byte[] body = LocalHttpServer.readBody(exchange, MAX_FORM_BYTES);
        if (body.length > MAX_FORM_BYTES) {
            throw new TokenError("invalid_request");
        }
        Map<String, String> form = singleValued(parseForm(new String(body, StandardCharsets.UTF_8)));
        OAuthClient client = authenticate(exchange.getRequestHeaders().getFirst("Authorization"), form);
        String grantType = form.get("grant_type");
        if (grantType == null) {
            throw new TokenError("invalid_request");
        }
        if (!GRANT_CLIENT_CREDENTIALS.equals(grantType)) {
            throw new TokenError("unsupported_grant_type");
        }
        List<String> scopes = grantedScopes(client, form.get("scope"));
        String accessToken = signingKey.sign(CognitoClaims
                .accessToken(issuer, client.clientId(), scopes, clock.instant(), ACCESS_TOKEN_LIFETIME).build());
        ObjectNode answer = JSON.createObjectNode()
                .put("access_token", accessToken)
                .put("expires_in", ACCESS_TOKEN_LIFETIME.toSeconds())
                .put("token_type", "Bearer");
        return new TokenAnswer(200, answer);
    }

    /** HTTP Basic or the form's client_id and client_secret; both at once is one mechanism too many. */
    private OAuthClient authenticate(String authorization, Map<String, String> form) {
        boolean inForm = form.containsKey("client_id") || form.containsKey("client_secret");
        String clientId;
        String secret;
        if (authorization != null) {
            if (inForm || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                throw new TokenError(inForm ? "invalid_request" : "invalid_client");
            }
            String[] idAndSecret = decodeBasic(authorization.substring(6).trim());
            clientId = idAndSecret[0];
            secret = idAndSecret[1];
        } else {
            clientId = form.get("client_id");
            secret = form.get("client_secret");
        }
        OAuthClient client = clientId == null ? null : clients.get(clientId);
        if (client == null || secret == null || !MessageDigest.isEqual(
                client.clientSecret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            throw new TokenError("invalid_client");
        }
        return client;
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new TokenError("invalid_client");
            }
            return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            throw new TokenError("invalid_client");
        }
    }

    /** No scope asked: all the client's scopes (Cognito's behaviour); otherwise each asked scope must be allowed. */
    private static List<String> grantedScopes(OAuthClient client, String requested) {
        if (requested == null || requested.isBlank()) {
            return client.scopes();
        }
        Set<String> asked = new LinkedHashSet<>(List.of(requested.trim().split(" +")));
        if (!client.scopes().containsAll(asked)) {
            throw new TokenError("invalid_scope");
        }
        return new ArrayList<>(asked);
    }

    private void wellKnown(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, JSON.createObjectNode().put("message", "Method not allowed"));
        } else if (JWKS_PATH.equals(path)) {
            send(exchange, 200, JSON.readTree(signingKey.publicJwks().toString(true)));
        } else if (DISCOVERY_PATH.equals(path)) {
            send(exchange, 200, discoveryDocument());
        } else {
            send(exchange, 404, JSON.createObjectNode().put("message", "Not found"));
        }
    }

    private ObjectNode discoveryDocument() {
        ObjectNode document = JSON.createObjectNode()
                .put("issuer", issuer)
                .put("token_endpoint", tokenEndpoint().toString())
                .put("jwks_uri", jwksUri().toString());
        document.putArray("grant_types_supported").add(GRANT_CLIENT_CREDENTIALS);
        document.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("client_secret_post");
        document.putArray("id_token_signing_alg_values_supported").add("RS256");
        document.putArray("response_types_supported").add("token");
        document.putArray("subject_types_supported").add("public");
        var scopes = document.putArray("scopes_supported");
        clients.values().stream().flatMap(client -> client.scopes().stream()).distinct().forEach(scopes::add);
        return document;
    }

    private static Map<String, List<String>> parseForm(String body) {
        try {
            return FormEncoding.parse(body);
        } catch (IllegalArgumentException e) {
            throw new TokenError("invalid_request");
        }
    }

    /** A repeated parameter is a malformed request (RFC 6749, section 3.2). */
    private static Map<String, String> singleValued(Map<String, List<String>> form) {
        Map<String, String> single = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (values.size() > 1) {
                throw new TokenError("invalid_request");
            }
            single.put(name, values.getFirst());
        });
        return single;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        LocalHttpServer.send(exchange, status,
                Map.of("Content-Type", List.of("application/json;charset=UTF-8"),
                        "Cache-Control", List.of("no-store"), "Pragma", List.of("no-cache")),
                JSON.writeValueAsBytes(body));
    }

    /** The JDK server matches contexts by prefix; this answers 404 to anything but the exact path. */
    private static HttpHandler exactly(String path, HttpHandler handler) {
        return exchange -> {
            if (path.equals(exchange.getRequestURI().getPath())) {
                handler.handle(exchange);
            } else {
                send(exchange, 404, JSON.createObjectNode().put("message", "Not found"));
            }
        };
    }

    private record TokenAnswer(int status, ObjectNode body) {
    }

    /** An OAuth2 error code for the token endpoint's answer; carries no stack trace. */
    private static final class TokenError extends RuntimeException {
        private final String code;

        TokenError(String code) {
            super(code, null, false, false);
            this.code = code;
        }
    }

    /** Port 0 (the system picks), the {@linkplain OAuthClient#demoClients() demo clients} and a fresh key unless set. */
    public static final class Builder {
        private int port;
        private List<OAuthClient> clients = OAuthClient.demoClients();
        private SigningKey signingKey;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder clients(List<OAuthClient> clients) {
            this.clients = List.copyOf(clients);
            return this;
        }

        public Builder signingKey(SigningKey signingKey) {
            this.signingKey = signingKey;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Binds 127.0.0.1 and starts serving. */
        public AuthorizationServer start() {
            return new AuthorizationServer(this);
        }
    }
}
