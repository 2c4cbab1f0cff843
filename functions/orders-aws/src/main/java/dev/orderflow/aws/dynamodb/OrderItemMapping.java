package dev.orderflow.aws.dynamodb;

import dev.orderflow.domain.Money;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.domain.PricedLine;
import dev.orderflow.domain.ReasonCode;
import dev.orderflow.domain.RejectionReason;
import dev.orderflow.domain.RequestedLine;
import dev.orderflow.domain.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.orderflow.aws.dynamodb.OrdersTable.*;

/** The one mapping between the order domain and orders-table items. */
final class OrderItemMapping {

    private static final String LINE_MENU_ITEM_ID = "menuItemId";
    private static final String LINE_QUANTITY = "quantity";
    private static final String LINE_NAME = "name";
    private static final String LINE_UNIT_PRICE_MINOR = "unitPriceMinor";
    private static final String LINE_TOTAL_MINOR = "lineTotalMinor";
    private static final String REASON_CODE = "code";
    private static final String REASON_MESSAGE = "message";
    private static final String REASON_MENU_ITEM_ID = "menuItemId";

    private OrderItemMapping() {
    }

    static Map<String, AttributeValue> key(String userId, String orderId) {
        return Map.of(USER_ID, s(userId), ORDER_ID, s(orderId));
    }

    static String createdKey(Instant createdAt, String orderId) {
        return Timestamps.format(createdAt) + "#" + orderId;
    }

    static AttributeValue requestedLines(List<RequestedLine> lines) {
        List<AttributeValue> items = new ArrayList<>(lines.size());
        for (RequestedLine line : lines) {
            items.add(AttributeValue.fromM(Map.of(
                    LINE_MENU_ITEM_ID, s(line.menuItemId()),
                    LINE_QUANTITY, n(line.quantity()))));
        }
        return AttributeValue.fromL(items);
    }

    static AttributeValue pricedLines(List<PricedLine> lines) {
        List<AttributeValue> items = new ArrayList<>(lines.size());
        for (PricedLine line : lines) {
            items.add(AttributeValue.fromM(Map.of(
                    LINE_MENU_ITEM_ID, s(line.menuItemId()),
                    LINE_QUANTITY, n(line.quantity()),
                    LINE_NAME, s(line.name()),
                    LINE_UNIT_PRICE_MINOR, n(line.unitPrice().amountMinor()),
                    LINE_TOTAL_MINOR, n(line.lineTotal().amountMinor()))));
        }
        return AttributeValue.fromL(items);
    }

    static AttributeValue reasons(List<RejectionReason> reasons) {
        List<AttributeValue> items = new ArrayList<>(reasons.size());
        for (RejectionReason reason : reasons) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(REASON_CODE, s(reason.code().name()));
            item.put(REASON_MESSAGE, s(reason.message()));
            if (reason.menuItemId() != null) {
                item.put(REASON_MENU_ITEM_ID, s(reason.menuItemId()));
            }
            items.add(AttributeValue.fromM(item));
        }
        return AttributeValue.fromL(items);
    }

    static boolean isDeleted(Map<String, AttributeValue> item) {
        return item.containsKey(DELETED_AT);
    }

    static Order toOrder(Map<String, AttributeValue> item) {
        String currency = item.containsKey(CURRENCY) ? item.get(CURRENCY).s() : null;
        List<OrderLine> lines = new ArrayList<>();
        if (item.containsKey(LINES)) {
            for (AttributeValue line : item.get(LINES).l()) {
                lines.add(toLine(line.m(), currency));
            }
        }
        List<RejectionReason> reasons = new ArrayList<>();
        if (item.containsKey(REASONS)) {
            for (AttributeValue reason : item.get(REASONS).l()) {
                Map<String, AttributeValue> m = reason.m();
                reasons.add(new RejectionReason(ReasonCode.valueOf(m.get(REASON_CODE).s()), m.get(REASON_MESSAGE).s(),
                        m.containsKey(REASON_MENU_ITEM_ID) ? m.get(REASON_MENU_ITEM_ID).s() : null));
            }
        }
        return new Order(
                item.get(ORDER_ID).s(),
                item.get(USER_ID).s(),
                OrderStatus.valueOf(item.get(STATUS).s()),
                item.containsKey(RESTAURANT_ID) ? item.get(RESTAURANT_ID).s() : null,
                lines,
                item.containsKey(NOTES) ? item.get(NOTES).s() : null,
                item.containsKey(TOTAL_MINOR) && currency != null
                        ? Money.of(Long.parseLong(item.get(TOTAL_MINOR).n()), currency) : null,
                reasons,
                Timestamps.parse(item.get(CREATED_AT).s()),
                Timestamps.parse(item.get(UPDATED_AT).s()),
                version(item));
    }

    static long version(Map<String, AttributeValue> item) {
        return Long.parseLong(item.get(VERSION).n());
    }

    private static OrderLine toLine(Map<String, AttributeValue> line, String currency) {
        boolean priced = currency != null && line.containsKey(LINE_UNIT_PRICE_MINOR);
        return new OrderLine(
                line.get(LINE_MENU_ITEM_ID).s(),
                Integer.parseInt(line.get(LINE_QUANTITY).n()),
                line.containsKey(LINE_NAME) ? line.get(LINE_NAME).s() : null,
                priced ? Money.of(Long.parseLong(line.get(LINE_UNIT_PRICE_MINOR).n()), currency) : null,
                priced ? Money.of(Long.parseLong(line.get(LINE_TOTAL_MINOR).n()), currency) : null);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
