package dev.orderflow.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.domain.ChangeKind;
import dev.orderflow.domain.Identifiers;
import dev.orderflow.domain.OrderChange;
import dev.orderflow.domain.OrderRequest;
import dev.orderflow.domain.RequestedLine;

import java.util.ArrayList;
import java.util.List;

/**
 * The queue message the gateway's mapping template writes, which is also the workflow's input:
 * {@code {"orderId","userId","kind":"CREATE"|"REPLACE","receivedAt":<epoch ms>,"requestId","order":{...}}}.
 * Parsing is strict about what the chain relies on and says which field is wrong.
 */
public final class OrderChangeMessage {

    private OrderChangeMessage() {
    }

    public static OrderChange parse(String body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("not JSON: " + e.getOriginalMessage());
        }
        return fromJson(root);
    }

    public static OrderChange fromJson(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new MalformedMessageException("not a JSON object");
        }
        String orderId = text(root, "orderId");
        if (!Identifiers.isOrderId(orderId)) {
            throw new MalformedMessageException("orderId is not a valid order id");
        }
        String userId = text(root, "userId");
        ChangeKind kind;
        try {
            kind = ChangeKind.valueOf(text(root, "kind"));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("kind must be CREATE or REPLACE");
        }
        JsonNode receivedAt = root.get("receivedAt");
        if (receivedAt == null || !receivedAt.canConvertToLong() || !receivedAt.isIntegralNumber()) {
            throw new MalformedMessageException("receivedAt must be epoch milliseconds");
        }
        return new OrderChange(orderId, userId, kind, receivedAt.asLong(), text(root, "requestId"),
                order(root.get("order")));
    }

    /** The {@code order} part alone: what the client sent, as the validator receives it. */
    public static OrderRequest order(JsonNode order) {
        if (order == null || !order.isObject()) {
            throw new MalformedMessageException("order must be an object");
        }
        JsonNode items = order.get("items");
        if (items == null || !items.isArray()) {
            throw new MalformedMessageException("order.items must be an array");
        }
        List<RequestedLine> lines = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            JsonNode quantity = item.get("quantity");
            if (quantity == null || !quantity.isInt()) {
                throw new MalformedMessageException("order.items[].quantity must be an integer");
            }
            lines.add(new RequestedLine(text(item, "menuItemId"), quantity.intValue()));
        }
        JsonNode notes = order.get("notes");
        if (notes != null && !notes.isNull() && !notes.isTextual()) {
            throw new MalformedMessageException("order.notes must be a string");
        }
        return new OrderRequest(text(order, "restaurantId"), lines, notes == null || notes.isNull() ? null : notes.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedMessageException(field + " is missing or not a non-empty string");
        }
        return value.asText();
    }
}
