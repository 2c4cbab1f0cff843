package dev.orderflow.local.gateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for the orders-api function: remembers the last event and context, answers 204 to DELETE and 200 with
 * the caller and path id to anything else, and throws for the order id {@value #FAILING_ORDER}.
 */
final class RecordingOrdersApi implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static final String FAILING_ORDER = "explodes";

    private final AtomicReference<APIGatewayProxyRequestEvent> lastEvent = new AtomicReference<>();
    private final AtomicReference<Context> lastContext = new AtomicReference<>();

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        lastEvent.set(event);
        lastContext.set(context);
        String orderId = event.getPathParameters() == null ? null : event.getPathParameters().get("orderId");
        if (FAILING_ORDER.equals(orderId)) {
            throw new IllegalStateException("the handler failed");
        }
        if ("DELETE".equals(event.getHttpMethod())) {
            return new APIGatewayProxyResponseEvent().withStatusCode(204).withHeaders(Map.of("Cache-Control", "no-store"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = (Map<String, Object>) event.getRequestContext().getAuthorizer().get("claims");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json", "X-Handler", "orders-api"))
                .withBody("{\"caller\": \"" + claims.get("sub") + "\", \"orderId\": \"" + orderId + "\"}");
    }

    APIGatewayProxyRequestEvent lastEvent() {
        return lastEvent.get();
    }

    Context lastContext() {
        return lastContext.get();
    }

    void reset() {
        lastEvent.set(null);
        lastContext.set(null);
    }
}
