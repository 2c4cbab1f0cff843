package dev.orderflow.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.orderflow.local.auth.AuthorizationServer;
import dev.orderflow.local.http.FormEncoding;
import dev.orderflow.local.http.LocalHttpServer;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;

/**
 * Serves {@code api/openapi.yaml} over HTTP as API Gateway's REST API does, configured from the document alone:
 * routes, the Cognito user pools authorizer (scopes from each operation's security requirement), request
 * validators with the JSON Schemas, the SQS integration's VTL templates, Lambda-proxy events for in-process
 * handlers, and the gateway responses. Every answer carries the request id in {@code x-amzn-RequestId}.
 *
 * <pre>{@code
 * try (LocalGateway gateway = LocalGateway.builder()
 *         .deployment(Deployment.local("eu-west-1", "orders"))
 *         .sqsEndpoint(URI.create("http://127.0.0.1:9324"))
 *         .authorizationServer(authorizationServer)
 *         .ordersApi(new OrdersApiHandler(settings))
 *         .start()) {
 *     URI api = gateway.endpoint();
 * }
 * }</pre>
 *
 * <p>Differences from API Gateway: no throttling, usage plans or API keys; SQS calls are not SigV4-signed;
 * parameter values are checked against their schemas (API Gateway checks presence only); the JDK HTTP server
 * normalises header names, so templates and events see them in the usual capitalisation
 * ({@code Idempotency-Key}) whatever the client sent.
 */
public final class LocalGateway implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalGateway.class.getName());
    private static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

    private final Deployment deployment;
    private final Stage stage;
    private final Routes<Integration> routes;
    private final CognitoAuthorizer authorizer;
    private final RequestValidator validator;
    private final GatewayResponses responses;
    private final int maxBodyBytes;
    private final Clock clock;
    private final HttpClient http;
    private final LocalHttpServer server;

    private LocalGateway(Builder builder) {
        this.deployment = builder.deployment;
        this.clock = builder.clock;
        ApiDocument document = ApiDocument.fromClasspath(deployment.placeholders());
        this.stage = new Stage(builder.stage, builder.basePath, deployment.accountId(), "local");
        this.validator = new RequestValidator(builder.checkParameterSchemas);
        this.responses = new GatewayResponses(document.gatewayResponses());
        this.maxBodyBytes = document.maxBodyBytes();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        MappingTemplates templates = new MappingTemplates();
        Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> functions =
                new HashMap<>(builder.functions);
        if (builder.ordersApi != null) {
            functions.put(deployment.ordersApiFunctionArn(), builder.ordersApi);
        }
        Map<Operation, Integration> integrations = new LinkedHashMap<>();
        boolean needsAuthorizer = false;
        for (Operation operation : document.operations()) {
            integrations.put(operation, integration(operation, builder, functions, templates));
            needsAuthorizer |= operation.security().required();
        }
        if (needsAuthorizer && builder.jwksUri == null) {
            throw new IllegalStateException("the document has Cognito-authorized operations: set the authorizer "
                    + "(authorizationServer(...) or authorizer(issuer, jwksUri))");
        }
        this.authorizer = builder.jwksUri == null ? null : CognitoAuthorizer.forJwks(builder.jwksUri, builder.issuer, clock);
        this.routes = new Routes<>(integrations);
        this.server = LocalHttpServer.bind(builder.port).serve(Map.of("/", this::handle));
    }

    private Integration integration(Operation operation, Builder builder,
                                    Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> functions,
                                    MappingTemplates templates) {
        String type = operation.integration().path("type").asText();
        return switch (type) {
            case "aws" -> {
                if (builder.sqsEndpoint == null) {
                    throw new IllegalStateException(operation.name() + " integrates with SQS: set sqsEndpoint(...)");
                }
                yield new SqsIntegration(operation, builder.sqsEndpoint, http, templates);
            }
            case "aws_proxy" -> {
                String arn = LambdaProxyIntegration.functionArn(operation);
                if (!functions.containsKey(arn)) {
                    LOG.log(WARNING, "{0} calls {1}, for which no handler is registered: it will answer 500",
                            operation.name(), arn);
                }
                yield new LambdaProxyIntegration(arn, functions.get(arn), clock);
            }
            default -> throw new IllegalStateException(operation.name() + ": the local gateway does not run "
                    + "integrations of type " + type);
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return server.port();
    }

    /** The API's base URL: {@code http://127.0.0.1:<port>} and the base path; append a route's path to it. */
    public URI endpoint() {
        return URI.create(server.baseUri() + stage.basePath());
    }

    /** The placeholder values the document was served with (queue name, function ARN, ...). */
    public Deployment deployment() {
        return deployment;
    }

    @Override
    public void close() {
        server.close();
        http.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        long now = clock.millis();
        MethodRequest request = null;
        Call call = null;
        GatewayAnswer answer;
        try {
            request = read(exchange, requestId, now);
            Routes.Match<Integration> route = routes.match(request.httpMethod(), request.rawPath())
                    .orElseThrow(() -> GatewayError.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN));
            Map<String, String> claims = route.operation().security().required()
                    ? authorizer.authorize(request.header("Authorization"), route.operation().security())
                    : Map.of();
            call = new Call(stage, request, route.operation(), route.pathParameters(), claims);
            validator.validate(call);
            answer = route.target().invoke(call);
        } catch (GatewayError error) {
            answer = gatewayResponse(error, requestId, request, call);
        } catch (RuntimeException e) {
            LOG.log(WARNING, "request " + requestId + " failed inside the gateway", e);
            answer = gatewayResponse(GatewayError.of(GatewayResponseType.DEFAULT_5XX), requestId, request, call);
        }
        if (!answer.hasHeader("Content-Type")) {
            answer = answer.withHeader("Content-Type", "application/json");
        }
        answer = answer.withHeader(REQUEST_ID_HEADER, requestId);
        LOG.log(DEBUG, "{0} {1} -> {2} ({3})", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                answer.status(), requestId);
        LocalHttpServer.send(exchange, answer.status(), answer.headers(), answer.body());
    }

    private GatewayAnswer gatewayResponse(GatewayError error, String requestId, MethodRequest request, Call call) {
        Map<String, Object> context;
        Function<String, Optional<String>> parameters;
        if (call != null) {
            context = call.contextVariables();
            parameters = call::methodRequestParameter;
        } else {
            context = new LinkedHashMap<>();
            context.put("requestId", requestId);
            context.put("stage", stage.name());
            if (request != null) {
                context.put("httpMethod", request.httpMethod());
                context.put("path", request.contextPath());
            }
            parameters = expression -> Optional.empty();
        }
        return responses.render(error, context, parameters);
    }

    /** The request as a method request: base path taken off, headers and query read, body within the limit. */
    private MethodRequest read(HttpExchange exchange, String requestId, long now) throws IOException {
        String fullRawPath = exchange.getRequestURI().getRawPath();
        String basePath = stage.basePath();
        if (!fullRawPath.equals(basePath) && !fullRawPath.startsWith(basePath + "/")) {
            throw GatewayError.of(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN);
        }
        String rawPath = fullRawPath.substring(basePath.length());
        rawPath = rawPath.isEmpty() ? "/" : rawPath;
        Map<String, List<String>> headers = headers(exchange.getRequestHeaders());
        String declaredLength = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declaredLength != null && declaredLength.matches("\\d{1,18}") && Long.parseLong(declaredLength) > maxBodyBytes) {
            LocalHttpServer.discardBody(exchange);
            throw GatewayError.of(GatewayResponseType.REQUEST_TOO_LARGE);
        }
        byte[] body = LocalHttpServer.readBody(exchange, maxBodyBytes);
        if (body.length > maxBodyBytes) {
            throw GatewayError.of(GatewayResponseType.REQUEST_TOO_LARGE);
        }
        try {
            return new MethodRequest(requestId, now, exchange.getRequestMethod(), decodePath(rawPath), rawPath,
                    decodePath(fullRawPath), headers, FormEncoding.parse(exchange.getRequestURI().getRawQuery()), body,
                    exchange.getRemoteAddress().getAddress().getHostAddress());
        } catch (IllegalArgumentException e) {
            throw GatewayError.of(GatewayResponseType.DEFAULT_4XX);
        }
    }

    private static String decodePath(String rawPath) {
        return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * The JDK server hands header names as {@code Idempotency-key}; clients such as curl send
     * {@code Idempotency-Key}: each dash-separated part is given a capital, as most clients write them.
     */
    private static Map<String, List<String>> headers(Headers received) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        received.forEach((name, values) -> headers.put(capitalise(name), new ArrayList<>(values)));
        return headers;
    }

    private static String capitalise(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (char c : name.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '-';
        }
        return out.toString();
    }

    /**
     * Port 0 (the system picks), {@link Deployment#local} in us-east-1 with the queue {@code orders}, stage
     * {@code local} served at the root, parameter schemas checked; the SQS endpoint and the authorizer must be set.
     */
    public static final class Builder {
        private int port;
        private Deployment deployment = Deployment.local("us-east-1", "orders");
        private URI sqsEndpoint;
        private String issuer;
        private URI jwksUri;
        private final Map<String, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>> functions =
                new HashMap<>();
        private RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> ordersApi;
        private String stage = "local";
        private String basePath = "";
        private boolean checkParameterSchemas = true;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The values for the document's placeholders (region, account, queue name, ARNs). */
        public Builder deployment(Deployment deployment) {
            this.deployment = deployment;
            return this;
        }

        /** The SQS endpoint, e.g. ElasticMQ's {@code http://127.0.0.1:9324}; the queue URL is built on it. */
        public Builder sqsEndpoint(URI sqsEndpoint) {
            this.sqsEndpoint = sqsEndpoint;
            return this;
        }

        /** The user pool the authorizer trusts: tokens must come from {@code issuer}, signed by a key at {@code jwksUri}. */
        public Builder authorizer(String issuer, URI jwksUri) {
            this.issuer = issuer;
            this.jwksUri = jwksUri;
            return this;
        }

        /** Trusts the tokens of this local authorization server. */
        public Builder authorizationServer(AuthorizationServer server) {
            return authorizer(server.issuer(), server.jwksUri());
        }

        /** The handler that runs in process for a Lambda-proxy integration with {@code functionArn}. */
        public Builder function(String functionArn,
                                RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
            functions.put(functionArn, handler);
            return this;
        }

        /** The handler for the deployment's orders-api function ARN (whatever deployment is finally set). */
        public Builder ordersApi(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
            this.ordersApi = handler;
            return this;
        }

        /** The stage name templates and events see as {@code $context.stage}. */
        public Builder stage(String stage) {
            this.stage = stage;
            return this;
        }

        /**
         * A prefix to serve the API under, as the execute-api URL has the stage ({@code /prod}); it is then part of
         * {@code $context.path} and of the POST answer's Location. Empty by default.
         */
        public Builder basePath(String basePath) {
            if (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/"))) {
                throw new IllegalArgumentException("a base path starts with / and does not end with one: " + basePath);
            }
            this.basePath = basePath;
            return this;
        }

        /**
         * Whether parameter values are checked against their schemas (default). False checks presence only, exactly
         * as API Gateway's validator does, so that the templates' own checks can be tried.
         */
        public Builder checkParameterSchemas(boolean check) {
            this.checkParameterSchemas = check;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Loads the document, binds 127.0.0.1 and starts serving. */
        public LocalGateway start() {
            return new LocalGateway(this);
        }
    }
}
