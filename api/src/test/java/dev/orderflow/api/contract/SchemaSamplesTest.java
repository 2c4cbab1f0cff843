package dev.orderflow.api.contract;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.orderflow.api.contract.Draft4Schemas.violations;
import static dev.orderflow.api.contract.OrderJson.aConfirmedOrder;
import static dev.orderflow.api.contract.OrderJson.aLine;
import static dev.orderflow.api.contract.OrderJson.aPendingOrder;
import static dev.orderflow.api.contract.OrderJson.aRejectedOrder;
import static dev.orderflow.api.contract.OrderJson.anOrderRequest;
import static dev.orderflow.api.contract.OrderJson.lines;
import static org.assertj.core.api.Assertions.assertThat;

/** The schemas, read as API Gateway reads them (draft 4), accept valid documents and refuse invalid ones. */
class SchemaSamplesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void orderRequest_acceptsAValidOrder() {
        assertThat(violations("OrderRequest", anOrderRequest())).isEmpty();
    }

    @Test
    void orderRequest_acceptsFiftyItemsAndNoNotes() {
        ObjectNode request = anOrderRequest();
        request.set("items", lines(50));
        request.remove("notes");

        assertThat(violations("OrderRequest", request)).isEmpty();
    }

    @Test
    void orderRequest_refusesAMissingRestaurantId() {
        ObjectNode request = anOrderRequest();
        request.remove("restaurantId");

        assertThat(violations("OrderRequest", request)).singleElement().asString().contains("restaurantId");
    }

    @Test
    void orderRequest_refusesMissingOrEmptyItems() {
        ObjectNode withoutItems = anOrderRequest();
        withoutItems.remove("items");
        ObjectNode withNoItems = anOrderRequest();
        withNoItems.putArray("items");

        assertThat(violations("OrderRequest", withoutItems)).singleElement().asString().contains("items");
        assertThat(violations("OrderRequest", withNoItems)).singleElement().asString().contains("items");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 21, -1})
    void orderRequest_refusesAQuantityOutside1To20(int quantity) {
        ObjectNode request = anOrderRequest();
        request.withArray("items").set(0, aLine("margherita", quantity));

        assertThat(violations("OrderRequest", request)).singleElement().asString().contains("quantity");
    }

    @Test
    void orderRequest_refuses51Items() {
        ObjectNode request = anOrderRequest();
        request.set("items", lines(51));

        assertThat(violations("OrderRequest", request)).singleElement().asString().contains("items");
    }

    @Test
    void orderRequest_acceptsNotesOf500CharactersButNot501() {
        ObjectNode request = anOrderRequest();

        assertThat(violations("OrderRequest", request.put("notes", "n".repeat(500)))).isEmpty();
        assertThat(violations("OrderRequest", request.put("notes", "n".repeat(501))))
                .singleElement().asString().contains("notes");
    }

    @Test
    void orderRequest_refusesAnExtraPropertyAtAnyLevel() {
        ObjectNode extraOnOrder = anOrderRequest().put("userId", "someone-else");
        ObjectNode extraOnLine = anOrderRequest();
        ((ObjectNode) extraOnLine.withArray("items").get(0)).put("unitPrice", 1);

        assertThat(violations("OrderRequest", extraOnOrder)).singleElement().asString().contains("userId");
        assertThat(violations("OrderRequest", extraOnLine)).singleElement().asString().contains("unitPrice");
    }

    @Test
    void orderRequest_refusesWrongTypes() {
        ObjectNode quantityAsText = anOrderRequest();
        ((ObjectNode) quantityAsText.withArray("items").get(0)).put("quantity", "2");
        ObjectNode fractionalQuantity = anOrderRequest();
        ((ObjectNode) fractionalQuantity.withArray("items").get(0)).put("quantity", 1.5);
        ObjectNode restaurantAsNumber = anOrderRequest().put("restaurantId", 42);
        ObjectNode itemsAsObject = anOrderRequest();
        itemsAsObject.putObject("items");

        assertThat(violations("OrderRequest", quantityAsText)).isNotEmpty();
        assertThat(violations("OrderRequest", fractionalQuantity)).isNotEmpty();
        assertThat(violations("OrderRequest", restaurantAsNumber)).isNotEmpty();
        assertThat(violations("OrderRequest", itemsAsObject)).isNotEmpty();
        assertThat(violations("OrderRequest", new TextNode("an order"))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "ünïcode", "../etc", "a-65-characters-long-identifier-is-one-character-more-than-allowed"})
    void identifiers_refuseAnythingButUpTo64LettersDigitsUnderscoresAndDashes(String id) {
        assertThat(violations("OrderRequest", anOrderRequest().put("restaurantId", id))).isNotEmpty();
    }

    @Test
    void accepted_isOrderIdAndPending() {
        ObjectNode accepted = JSON.objectNode().put("orderId", "abc").put("status", "PENDING");

        assertThat(violations("Accepted", accepted)).isEmpty();
        assertThat(violations("Accepted", accepted.deepCopy().put("status", "CONFIRMED"))).isNotEmpty();
    }

    @Test
    void order_acceptsPendingConfirmedAndRejectedOrders() {
        assertThat(violations("Order", aPendingOrder())).isEmpty();
        assertThat(violations("Order", aConfirmedOrder())).isEmpty();
        assertThat(violations("Order", aRejectedOrder())).isEmpty();
    }

    @Test
    void order_refusesAnUnknownStatusAndNonUtcTimestamps() {
        assertThat(violations("Order", aPendingOrder().put("status", "SHIPPED"))).isNotEmpty();
        assertThat(violations("Order", aPendingOrder().put("createdAt", "2026-11-22T10:15:30.123+01:00"))).isNotEmpty();
        assertThat(violations("Order", aPendingOrder().put("createdAt", "22/11/2026"))).isNotEmpty();
        assertThat(violations("Order", aPendingOrder().put("updatedAt", "2026-11-22T10:15:30Z"))).isEmpty();
    }

    @Test
    void order_refusesNullFieldsWhichMustBeLeftOut() {
        ObjectNode withNullNotes = aPendingOrder();
        withNullNotes.putNull("notes");

        assertThat(violations("Order", withNullNotes)).isNotEmpty();
    }

    @Test
    void money_isMinorUnitsAndAnIsoCurrency() {
        ObjectNode order = aConfirmedOrder();

        assertThat(violations("Order", order.set("total", OrderJson.money(1900).put("currency", "eur")))).isNotEmpty();
        assertThat(violations("Order", order.set("total", OrderJson.money(-1)))).isNotEmpty();
        assertThat(violations("Order", order.set("total", OrderJson.money(1900).put("amountMinor", 19.0)))).isNotEmpty();
    }

    @Test
    void orderPage_holdsOrdersAndAnOptionalNextToken() {
        ObjectNode page = JSON.objectNode();
        page.putArray("orders").add(aConfirmedOrder()).add(aPendingOrder());

        assertThat(violations("OrderPage", page)).isEmpty();
        assertThat(violations("OrderPage", page.deepCopy().put("nextToken", "eyJwayI6Im9yZGVycyJ9"))).isEmpty();
        assertThat(violations("OrderPage", page.deepCopy().put("nextToken", "t".repeat(2049)))).isNotEmpty();
    }

    @Test
    void error_isOnlyAMessage() {
        ObjectNode error = JSON.objectNode().put("message", "Order not found");

        assertThat(violations("Error", error)).isEmpty();
        assertThat(violations("Error", error.deepCopy().put("stackTrace", "..."))).isNotEmpty();
    }
}
