package dev.orderflow.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.OrderChange;
import dev.orderflow.domain.PricedLine;
import dev.orderflow.domain.Pricing;
import dev.orderflow.domain.ReasonCode;
import dev.orderflow.domain.RejectionReason;
import dev.orderflow.ports.OrderRepository;
import dev.orderflow.ports.StoreUnavailableException;
import dev.orderflow.testing.InMemoryOrderRepository;
import dev.orderflow.testing.LambdaEvents;
import dev.orderflow.workflow.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.orderflow.testing.Orders.aCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class OrdersApiHandlerTest {

    static final String ALICE = "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    static final String ORDER = "checkout-2f9c41d7";
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private final OrderRepository orders = new InMemoryOrderRepository();
    private final OrdersApiHandler api = new OrdersApiHandler(orders, new PageTokens(KEY), CLOCK);

    static APIGatewayProxyRequestEvent event(String fixture) {
        return LambdaEvents.load(APIGatewayProxyRequestEvent.class, "events/" + fixture);
    }

    static APIGatewayProxyRequestEvent asCaller(APIGatewayProxyRequestEvent event, String sub) {
        Map<String, Object> authorizer = new HashMap<>(event.getRequestContext().getAuthorizer());
        Map<String, Object> claims = new HashMap<>(castClaims(authorizer.get("claims")));
        claims.put("sub", sub);
        authorizer.put("claims", claims);
        event.getRequestContext().setAuthorizer(authorizer);
        return event;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castClaims(Object claims) {
        return (Map<String, Object>) claims;
    }

    static JsonNode body(APIGatewayProxyResponseEvent response) throws IOException {
        return Json.MAPPER.readTree(response.getBody());
    }

    private void confirmedOrder(String user, String orderId, long receivedAt) {
        OrderChange change = aCreate().by(user).withOrderId(orderId).receivedAt(receivedAt)
                .withLine("margherita", 2).withNotes("ring twice").build();
        orders.record(change, CLOCK.instant());
        Money unit = Money.of(950, "EUR");
        orders.confirm(user, orderId, 1, new Pricing("EUR",
                List.of(new PricedLine("margherita", "Margherita", 2, unit, unit.times(2))), unit.times(2)),
                CLOCK.instant());
    }

    @Test
    void getOrder_ownConfirmedOrder_showsServerPricesAndNoOwnerId() throws IOException {
        confirmedOrder(ALICE, ORDER, 1_763_805_600_123L);

        APIGatewayProxyResponseEvent response = api.handleRequest(event("apigw-get-order.json"), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        JsonNode order = body(response);
        assertThat(order.get("orderId").asText()).isEqualTo(ORDER);
        assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.at("/items/0/name").asText()).isEqualTo("Margherita");
        assertThat(order.at("/items/0/unitPrice/amountMinor").asLong()).isEqualTo(950);
        assertThat(order.at("/total/amountMinor").asLong()).isEqualTo(1900);
        assertThat(order.at("/total/currency").asText()).isEqualTo("EUR");
        assertThat(order.get("createdAt").asText()).isEqualTo("2025-11-22T10:00:00.123Z");
        assertThat(order.get("version").asLong()).isEqualTo(1);
        assertThat(order.has("userId")).isFalse();
        assertThat(order.has("rejectionReasons")).isFalse();
    }

    @Test
    void streamHandler_asLambdaCallsIt_answersTheProxyResponseJson_sameAsTheTypedHandler() throws IOException {
        confirmedOrder(ALICE, ORDER, 1_763_805_600_123L);

        JsonNode found = stream("apigw-get-order.json");
        JsonNode page = stream("apigw-list-orders.json");

        assertThat(found.get("statusCode").asInt()).isEqualTo(200);
        assertThat(found.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(found.at("/headers/Content-Type").asText()).isEqualTo("application/json");
        assertThat(Json.MAPPER.readTree(found.get("body").asText()))
                .isEqualTo(body(api.handleRequest(event("apigw-get-order.json"), null)));
        assertThat(Json.MAPPER.readTree(page.get("body").asText()).get("orders")).hasSize(1);
    }

    @Test
    void streamHandler_withoutTheAuthorizersClaims_is401_andAnUnknownOrder404() throws IOException {
        JsonNode missing = stream("apigw-get-order.json");
        ObjectNode anonymous = (ObjectNode) Json.MAPPER.readTree(LambdaEvents.text("events/apigw-get-order.json"));
        ((ObjectNode) anonymous.get("requestContext")).remove("authorizer");

        assertThat(missing.get("statusCode").asInt()).isEqualTo(404);
        assertThat(stream(Json.MAPPER.writeValueAsBytes(anonymous)).get("statusCode").asInt()).isEqualTo(401);
    }

    private JsonNode stream(String fixture) throws IOException {
        return stream(LambdaEvents.text("events/" + fixture).getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode stream(byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        api.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    @Test
    void getOrder_rejected_listsTheReasons() throws IOException {
        orders.record(aCreate().by(ALICE).withOrderId(ORDER).build(), CLOCK.instant());
        orders.reject(ALICE, ORDER, 1, List.of(RejectionReason.forItem(ReasonCode.MENU_ITEM_UNAVAILABLE, "calzone",
                "Calzone is not available right now.")), CLOCK.instant());

        JsonNode order = body(api.handleRequest(event("apigw-get-order.json"), null));

        assertThat(order.get("status").asText()).isEqualTo("REJECTED");
        assertThat(order.at("/rejectionReasons/0/code").asText()).isEqualTo("MENU_ITEM_UNAVAILABLE");
        assertThat(order.at("/rejectionReasons/0/menuItemId").asText()).isEqualTo("calzone");
    }

    @Test
    void getOrder_anotherCallersOrder_isNotFoundLikeAMissingOne() throws IOException {
        confirmedOrder("someone-else", ORDER, 1L);

        APIGatewayProxyResponseEvent theirs = api.handleRequest(event("apigw-get-order.json"), null);
        confirmedOrder(ALICE, "other-order", 1L);
        APIGatewayProxyResponseEvent missing = api.handleRequest(event("apigw-get-order.json"), null);

        assertThat(theirs.getStatusCode()).isEqualTo(404);
        assertThat(body(theirs).get("message").asText()).isEqualTo("Order not found");
        assertThat(theirs.getBody()).isEqualTo(missing.getBody());
    }

    @Test
    void deleteOrder_answers204_thenTheOrderIsGone() throws IOException {
        confirmedOrder(ALICE, ORDER, 1L);

        APIGatewayProxyResponseEvent deleted = api.handleRequest(event("apigw-delete-order.json"), null);
        APIGatewayProxyResponseEvent again = api.handleRequest(event("apigw-delete-order.json"), null);
        APIGatewayProxyResponseEvent get = api.handleRequest(event("apigw-get-order.json"), null);

        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(deleted.getBody()).isNull();
        assertThat(again.getStatusCode()).isEqualTo(404);
        assertThat(get.getStatusCode()).isEqualTo(404);
    }

    @Test
    void deleteOrder_ofAnotherCaller_isNotFoundAndLeavesItAlone() {
        confirmedOrder("someone-else", ORDER, 1L);

        assertThat(api.handleRequest(event("apigw-delete-order.json"), null).getStatusCode()).isEqualTo(404);
        assertThat(orders.find("someone-else", ORDER)).isPresent();
    }

    @Test
    void listOrders_pagesThroughOwnOrdersNewestFirst_withOpaqueTokens() throws IOException {
        for (int i = 0; i < 5; i++) {
            confirmedOrder(ALICE, "order-" + i, 1_000L + i);
        }
        confirmedOrder("someone-else", "theirs", 9_999L);

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            APIGatewayProxyRequestEvent request = event("apigw-list-orders.json");
            if (token != null) {
                request.getQueryStringParameters().put("nextToken", token);
            }
            JsonNode page = body(api.handleRequest(request, null));
            page.get("orders").forEach(order -> seen.add(order.get("orderId").asText()));
            token = page.has("nextToken") ? page.get("nextToken").asText() : null;
            pages++;
        } while (token != null && pages < 10);

        assertThat(seen).containsExactly("order-4", "order-3", "order-2", "order-1", "order-0");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void listOrders_statusFilter_returnsOnlyThatStatus() throws IOException {
        confirmedOrder(ALICE, "confirmed", 1L);
        orders.record(aCreate().by(ALICE).withOrderId("pending").receivedAt(2L).build(), CLOCK.instant());
        APIGatewayProxyRequestEvent request = event("apigw-list-orders.json");
        request.getQueryStringParameters().put("status", "PENDING");

        JsonNode page = body(api.handleRequest(request, null));

        assertThat(page.get("orders").findValuesAsText("orderId")).containsExactly("pending");
    }

    @Test
    void listOrders_tokenTamperedWithOrIssuedToAnotherCaller_is400() throws IOException {
        for (int i = 0; i < 3; i++) {
            confirmedOrder(ALICE, "order-" + i, 1_000L + i);
            confirmedOrder("bob", "order-" + i, 1_000L + i);
        }
        String token = body(api.handleRequest(event("apigw-list-orders.json"), null)).get("nextToken").asText();
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String bad : List.of(tampered, "forged", "a.b", "..", token + token, "djF8MXxvcmRlci0x.AAAA")) {
            APIGatewayProxyRequestEvent request = event("apigw-list-orders.json");
            request.getQueryStringParameters().put("nextToken", bad);
            APIGatewayProxyResponseEvent response = api.handleRequest(request, null);
            assertThat(response.getStatusCode()).as(bad).isEqualTo(400);
            assertThat(body(response).get("message").asText()).contains("nextToken");
        }
        APIGatewayProxyRequestEvent asBob = asCaller(event("apigw-list-orders.json"), "bob");
        asBob.getQueryStringParameters().put("nextToken", token);
        assertThat(api.handleRequest(asBob, null).getStatusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten", "1.5", "99999999999"})
    void listOrders_limitOutOfRange_is400(String limit) throws IOException {
        APIGatewayProxyRequestEvent request = event("apigw-list-orders.json");
        request.getQueryStringParameters().put("limit", limit);

        APIGatewayProxyResponseEvent response = api.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("message").asText()).contains("limit");
    }

    @Test
    void listOrders_unknownStatus_is400() throws IOException {
        APIGatewayProxyRequestEvent request = event("apigw-list-orders.json");
        request.getQueryStringParameters().put("status", "SHIPPED");

        APIGatewayProxyResponseEvent response = api.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("message").asText()).contains("status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "a/b", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "", "order id", "caf\u00e9"})
    void getOrder_malformedId_is400(String orderId) {
        APIGatewayProxyRequestEvent request = event("apigw-get-order.json");
        request.setPathParameters(Map.of("orderId", orderId));

        assertThat(api.handleRequest(request, null).getStatusCode()).isEqualTo(400);
    }

    @Test
    void request_withoutAuthorizerClaims_is401() {
        APIGatewayProxyRequestEvent request = event("apigw-get-order.json");
        request.getRequestContext().setAuthorizer(Map.of());

        assertThat(api.handleRequest(request, null).getStatusCode()).isEqualTo(401);
    }

    @Test
    void unknownRoute_is404() {
        APIGatewayProxyRequestEvent request = event("apigw-get-order.json");
        request.setHttpMethod("PATCH");

        assertThat(api.handleRequest(request, null).getStatusCode()).isEqualTo(404);
    }

    @Test
    void storeUnavailable_is503_andUnexpectedFailure_is500_withoutInternals() throws IOException {
        OrderRepository failing = mock(OrderRepository.class);
        when(failing.find(anyString(), anyString())).thenThrow(new StoreUnavailableException("throttled", null));
        when(failing.delete(anyString(), anyString(), any())).thenThrow(new IllegalStateException("table xyz gone"));
        OrdersApiHandler broken = new OrdersApiHandler(failing, new PageTokens(KEY), CLOCK);

        APIGatewayProxyResponseEvent unavailable = broken.handleRequest(event("apigw-get-order.json"), null);
        APIGatewayProxyResponseEvent internal = broken.handleRequest(event("apigw-delete-order.json"), null);

        assertThat(unavailable.getStatusCode()).isEqualTo(503);
        assertThat(internal.getStatusCode()).isEqualTo(500);
        assertThat(body(internal).get("message").asText()).isEqualTo("Internal server error");
        assertThat(internal.getBody()).doesNotContain("xyz", "IllegalState");
    }
}
