package dev.orderflow.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.RejectionReason;
import dev.orderflow.domain.Timestamps;
import dev.orderflow.workflow.Json;

/**
 * An order as its owner sees it (the {@code Order} schema of {@code api/openapi.yaml}): lines as {@code items},
 * prices once confirmed, rejection reasons when rejected, never the owner's id or internal bookkeeping.
 */
final class OrderRepresentation {

    private OrderRepresentation() {
    }

    static ObjectNode of(Order order) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("orderId", order.orderId());
        json.put("status", order.status().name());
        json.put("restaurantId", order.restaurantId());
        ArrayNode items = json.putArray("items");
        for (OrderLine line : order.lines()) {
            ObjectNode item = items.addObject();
            item.put("menuItemId", line.menuItemId());
            item.put("quantity", line.quantity());
            if (line.name() != null) {
                item.put("name", line.name());
            }
            putMoney(item, "unitPrice", line.unitPrice());
            putMoney(item, "lineTotal", line.lineTotal());
        }
        if (order.notes() != null) {
            json.put("notes", order.notes());
        }
        putMoney(json, "total", order.total());
        if (!order.rejectionReasons().isEmpty()) {
            ArrayNode reasons = json.putArray("rejectionReasons");
            for (RejectionReason reason : order.rejectionReasons()) {
                ObjectNode r = reasons.addObject();
                r.put("code", reason.code().name());
                r.put("message", reason.message());
                if (reason.menuItemId() != null) {
                    r.put("menuItemId", reason.menuItemId());
                }
            }
        }
        json.put("createdAt", Timestamps.format(order.createdAt()));
        json.put("updatedAt", Timestamps.format(order.updatedAt()));
        json.put("version", order.version());
        return json;
    }

    private static void putMoney(ObjectNode json, String field, Money money) {
        if (money != null) {
            json.putObject(field).put("amountMinor", money.amountMinor()).put("currency", money.currency());
        }
    }
}
