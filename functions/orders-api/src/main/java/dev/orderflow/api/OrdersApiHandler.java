package dev.orderflow.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.aws.AwsClients;
import dev.orderflow.aws.dynamodb.DynamoDbOrderRepository;
import dev.orderflow.config.Settings;
import dev.orderflow.domain.Identifiers;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.logging.JsonLogging;
import dev.orderflow.ports.OrderPage;
import dev.orderflow.ports.OrderQuery;
import dev.orderflow.ports.OrderRepository;
import dev.orderflow.ports.PageCursor;
import dev.orderflow.ports.StoreUnavailableException;
import dev.orderflow.workflow.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static dev.orderflow.logging.LogField.field;
import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * The synchronous part of the API, behind API Gateway's Cognito authorizer (REST proxy events):
 * {@code GET /orders}, {@code GET /orders/{orderId}}, {@code DELETE /orders/{orderId}}. The caller is the token's
 * {@code sub} ({@code requestContext.authorizer.claims.sub}) and only ever reaches its own orders: another
 * caller's order is 404, exactly like one that does not exist. Errors are {@code {"message": ...}} without
 * exception text.
 * <p>
 * Lambda calls the stream method (the runtime prefers it): it reads the few fields a route needs from the proxy
 * event with the function's own JSON parser, so the runtime's reflective event serializers (hundreds of
 * milliseconds of a cold start, and Joda-Time) are never built. The typed method serves the local gateway and the
 * tests; both run the same code.
 */
public final class OrdersApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>,
        RequestStreamHandler {

    private static final System.Logger LOG = System.getLogger(OrdersApiHandler.class.getName());

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Map<String, String> JSON_HEADERS = Map.of(
            "Content-Type", "application/json",
            "Cache-Control", "no-store");

    private final OrderRepository orders;
    private final PageTokens pageTokens;
    private final Clock clock;

    /** The constructor Lambda calls: configuration from the environment. */
    public OrdersApiHandler() {
        JsonLogging.install();
        this(Settings.fromEnvironment());
    }

    /** Real dependencies from the given configuration (the local stack passes its endpoints here). */
    public OrdersApiHandler(Settings settings) {
        OrdersApiConfig config = OrdersApiConfig.from(settings);
        this(new DynamoDbOrderRepository(AwsClients.dynamoDb(config.aws()), config.ordersTable()),
                new PageTokens(config.pageTokenKey()), Clock.systemUTC());
    }

    OrdersApiHandler(OrderRepository orders, PageTokens pageTokens, Clock clock) {
        this.orders = orders;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        try {
            String caller = caller(request).orElseThrow(() -> new ApiError(401, "Unauthorized"));
            String route = request.getHttpMethod() + " " + request.getResource();
            return switch (route) {
                case "GET /orders" -> list(caller, request.getQueryStringParameters());
                case "GET /orders/{orderId}" -> get(caller, orderId(request));
                case "DELETE /orders/{orderId}" -> delete(caller, orderId(request));
                default -> throw new ApiError(404, "No such route");
            };
        } catch (ApiError e) {
            return error(e.status(), e.getMessage());
        } catch (StoreUnavailableException e) {
            LOG.log(WARNING, "orders table unavailable: {0}", field("error", e.getMessage()));
            return error(503, "Service temporarily unavailable; please retry");
        } catch (RuntimeException e) {
            LOG.log(ERROR, "request failed", e);
            return error(500, "Internal server error");
        }
    }

    /** The REST proxy event as API Gateway sends it, answered in the proxy response format. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        APIGatewayProxyResponseEvent response = handleRequest(proxyEvent(Json.MAPPER.readTree(input)), context);
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("statusCode", response.getStatusCode());
        ObjectNode headers = answer.putObject("headers");
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(headers::put);
        }
        answer.put("body", response.getBody());
        answer.put("isBase64Encoded", false);
        Json.MAPPER.writeValue(output, answer);
    }

    /** What the routes read from a proxy event: method, resource, path and query parameters, the authorizer's claims. */
    static APIGatewayProxyRequestEvent proxyEvent(JsonNode event) {
        APIGatewayProxyRequestEvent request = new APIGatewayProxyRequestEvent()
                .withHttpMethod(event.path("httpMethod").asText(null))
                .withResource(event.path("resource").asText(null))
                .withPath(event.path("path").asText(null))
                .withPathParameters(strings(event.path("pathParameters")))
                .withQueryStringParameters(strings(event.path("queryStringParameters")));
        JsonNode claims = event.path("requestContext").path("authorizer").path("claims");
        if (claims.isObject()) {
            Map<String, Object> authorizer = new HashMap<>();
            authorizer.put("claims", strings(claims));
            APIGatewayProxyRequestEvent.ProxyRequestContext requestContext = new APIGatewayProxyRequestEvent.ProxyRequestContext();
            requestContext.setAuthorizer(authorizer);
            request.setRequestContext(requestContext);
        }
        return request;
    }

    private static Map<String, String> strings(JsonNode object) {
        if (!object.isObject()) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        object.properties().forEach(field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }

    private APIGatewayProxyResponseEvent get(String caller, String orderId) {
        Order order = orders.find(caller, orderId).orElseThrow(ApiError::notFound);
        return json(200, OrderRepresentation.of(order));
    }

    private APIGatewayProxyResponseEvent delete(String caller, String orderId) {
        if (!orders.delete(caller, orderId, clock.instant())) {
            throw ApiError.notFound();
        }
        LOG.log(INFO, "order {0} deleted", field("orderId", orderId));
        return new APIGatewayProxyResponseEvent().withStatusCode(204).withHeaders(Map.of("Cache-Control", "no-store"));
    }

    private APIGatewayProxyResponseEvent list(String caller, Map<String, String> parameters) {
        Map<String, String> query = parameters == null ? Map.of() : parameters;
        OrderQuery orderQuery = new OrderQuery(limit(query.get("limit")), status(query.get("status")),
                cursor(caller, query.get("nextToken")));
        OrderPage page = orders.list(caller, orderQuery);
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("orders");
        page.orders().forEach(order -> list.add(OrderRepresentation.of(order)));
        page.next().ifPresent(next -> body.put("nextToken", pageTokens.encode(caller, next)));
        return json(200, body);
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static Optional<OrderStatus> status(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OrderStatus.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("status must be one of PENDING, CONFIRMED, REJECTED, FAILED");
        }
    }

    private Optional<PageCursor> cursor(String caller, String token) {
        if (token == null) {
            return Optional.empty();
        }
        return Optional.of(pageTokens.decode(caller, token)
                .orElseThrow(() -> ApiError.badRequest("nextToken is not valid; start again without it")));
    }

    private static String orderId(APIGatewayProxyRequestEvent request) {
        String orderId = request.getPathParameters() == null ? null : request.getPathParameters().get("orderId");
        if (!Identifiers.isOrderId(orderId)) {
            throw ApiError.badRequest("orderId must be 1 to 64 characters from A-Z a-z 0-9 _ -");
        }
        return orderId;
    }

    /** The token's subject, as API Gateway's Cognito authorizer passes it. */
    private static Optional<String> caller(APIGatewayProxyRequestEvent request) {
        if (request.getRequestContext() == null || request.getRequestContext().getAuthorizer() == null) {
            return Optional.empty();
        }
        Object claims = request.getRequestContext().getAuthorizer().get("claims");
        if (claims instanceof Map<?, ?> map && map.get("sub") instanceof String sub && !sub.isBlank()) {
            return Optional.of(sub);
        }
        return Optional.empty();
    }

    private static APIGatewayProxyResponseEvent json(int status, JsonNode body) {
        try {
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(status)
                    .withHeaders(JSON_HEADERS)
                    .withBody(Json.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static APIGatewayProxyResponseEvent error(int status, String message) {
        return json(status, Json.MAPPER.createObjectNode().put("message", message));
    }
}
