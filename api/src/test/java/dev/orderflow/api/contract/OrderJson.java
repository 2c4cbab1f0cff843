package dev.orderflow.api.contract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Valid sample documents; a test changes one thing to make one invalid. */
final class OrderJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OrderJson() {
    }

    static ObjectNode anOrderRequest() {
        ObjectNode request = JSON.objectNode().put("restaurantId", "luigis-trattoria");
        request.putArray("items").add(aLine("margherita", 2)).add(aLine("tiramisu_2", 1));
        return request.put("notes", "Extra basil, please.");
    }

    static ObjectNode aLine(String menuItemId, int quantity) {
        return JSON.objectNode().put("menuItemId", menuItemId).put("quantity", quantity);
    }

    /** {@code count} order lines, for the items array. */
    static ArrayNode lines(int count) {
        ArrayNode items = JSON.arrayNode();
        for (int i = 1; i <= count; i++) {
            items.add(aLine("item-" + i, 1));
        }
        return items;
    }

    static ObjectNode aPendingOrder() {
        ObjectNode order = JSON.objectNode()
                .put("orderId", "7f3c2a9e-order-0001")
                .put("status", "PENDING")
                .put("restaurantId", "luigis-trattoria");
        order.putArray("items").add(aLine("margherita", 2));
        return order.put("createdAt", "2026-11-22T10:15:30.123Z")
                .put("updatedAt", "2026-11-22T10:15:30.123Z")
                .put("version", 1);
    }

    static ObjectNode aConfirmedOrder() {
        ObjectNode order = aPendingOrder().put("status", "CONFIRMED").put("notes", "Extra basil, please.");
        ObjectNode line = (ObjectNode) order.get("items").get(0);
        line.put("name", "Pizza Margherita");
        line.set("unitPrice", money(950));
        line.set("lineTotal", money(1900));
        order.set("total", money(1900));
        return order.put("updatedAt", "2026-11-22T10:15:31.456Z").put("version", 2);
    }

    static ObjectNode aRejectedOrder() {
        ObjectNode order = aPendingOrder().put("status", "REJECTED");
        order.putArray("rejectionReasons").addObject()
                .put("code", "MENU_ITEM_NOT_FOUND")
                .put("message", "margherita is not on the menu")
                .put("menuItemId", "margherita");
        return order.put("version", 2);
    }

    /** The message a request template must queue for {@code order}, with the stand-ins' request id, time and caller. */
    static ObjectNode aQueueMessage(String orderId, String kind, ObjectNode order) {
        ObjectNode message = JSON.objectNode()
                .put("orderId", orderId)
                .put("userId", MappingTemplates.CALLER)
                .put("kind", kind)
                .put("receivedAt", MappingTemplates.REQUEST_TIME_EPOCH)
                .put("requestId", MappingTemplates.REQUEST_ID);
        message.set("order", order);
        return message;
    }

    /** The 202 answer to POST and PUT. */
    static ObjectNode anAccepted(String orderId) {
        return JSON.objectNode().put("orderId", orderId).put("status", "PENDING");
    }

    static ObjectNode money(long amountMinor) {
        return JSON.objectNode().put("amountMinor", amountMinor).put("currency", "EUR");
    }
}
