package dev.orderflow.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.ports.StoreUnavailableException;
import dev.orderflow.testing.InMemoryCatalog;
import dev.orderflow.testing.LambdaEvents;
import dev.orderflow.workflow.Json;
import dev.orderflow.workflow.MalformedMessageException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidateOrderHandlerTest {

    private final ValidateOrderHandler handler = new ValidateOrderHandler(InMemoryCatalog.withSampleMenus());

    private JsonNode invoke(ValidateOrderHandler target, String payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        target.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    @Test
    void validOrder_isPricedFromTheCatalog_withDuplicateLinesMerged() throws IOException {
        JsonNode result = invoke(handler, LambdaEvents.text("events/validate-order.json"));

        assertThat(result.get("valid").asBoolean()).isTrue();
        JsonNode pricing = result.get("pricing");
        assertThat(pricing.get("currency").asText()).isEqualTo("EUR");
        assertThat(pricing.get("lines")).hasSize(2);
        assertThat(pricing.at("/lines/0/menuItemId").asText()).isEqualTo("margherita");
        assertThat(pricing.at("/lines/0/quantity").asInt()).isEqualTo(3);
        assertThat(pricing.at("/lines/0/unitPrice/amountMinor").asLong()).isEqualTo(950);
        assertThat(pricing.at("/lines/0/lineTotal/amountMinor").asLong()).isEqualTo(2850);
        assertThat(pricing.at("/total/amountMinor").asLong()).isEqualTo(2850 + 600);
        assertThat(result.has("reasons")).isFalse();
    }

    @Test
    void unavailableItem_isARejectionResultNotAnError() throws IOException {
        JsonNode result = invoke(handler, """
                {"orderId": "o-1", "order": {"restaurantId": "luigis-pizzeria",
                 "items": [{"menuItemId": "calzone", "quantity": 1}, {"menuItemId": "pineapple", "quantity": 1}]}}
                """);

        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("reasons").findValuesAsText("code"))
                .containsExactly("MENU_ITEM_UNAVAILABLE", "MENU_ITEM_NOT_FOUND");
        assertThat(result.get("reasons").findValuesAsText("menuItemId")).containsExactly("calzone", "pineapple");
        assertThat(result.has("pricing")).isFalse();
    }

    @Test
    void unknownRestaurant_isRejected() throws IOException {
        JsonNode result = invoke(handler, """
                {"orderId": "o-1", "order": {"restaurantId": "nowhere", "items": [{"menuItemId": "x", "quantity": 1}]}}
                """);

        assertThat(result.at("/reasons/0/code").asText()).isEqualTo("RESTAURANT_NOT_FOUND");
    }

    @Test
    void malformedPayload_throwsSoTheWorkflowRecordsAFailure() {
        assertThatThrownBy(() -> invoke(handler, "{\"orderId\": \"o-1\"}"))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("order");
        assertThatThrownBy(() -> invoke(handler, "not json"))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void unreadableCatalog_surfacesTheRetryableErrorUnwrapped() {
        ValidateOrderHandler failing = new ValidateOrderHandler(restaurantId -> {
            throw new StoreUnavailableException("throttled", null);
        });

        assertThatThrownBy(() -> invoke(failing, LambdaEvents.text("events/validate-order.json")))
                .isExactlyInstanceOf(StoreUnavailableException.class);
    }
}
