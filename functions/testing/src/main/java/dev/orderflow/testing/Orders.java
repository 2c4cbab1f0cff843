package dev.orderflow.testing;

import dev.orderflow.domain.ChangeKind;
import dev.orderflow.domain.OrderChange;
import dev.orderflow.domain.OrderRequest;
import dev.orderflow.domain.RequestedLine;
import dev.orderflow.workflow.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test-data builders: {@code Orders.aCreate().withLine("margherita", 2).build()}. */
public final class Orders {

    public static final String ALICE = "user-alice";
    public static final String BOB = "user-bob";
    public static final long RECEIVED_AT = 1_763_800_000_000L;

    private Orders() {
    }

    public static ChangeBuilder aCreate() {
        return new ChangeBuilder(ChangeKind.CREATE);
    }

    public static ChangeBuilder aReplace() {
        return new ChangeBuilder(ChangeKind.REPLACE);
    }

    public static RequestedLine line(String menuItemId, int quantity) {
        return new RequestedLine(menuItemId, quantity);
    }

    public static final class ChangeBuilder {
        private final ChangeKind kind;
        private String orderId = "order-" + UUID.randomUUID().toString().substring(0, 8);
        private String userId = ALICE;
        private long receivedAt = RECEIVED_AT;
        private String requestId = UUID.randomUUID().toString();
        private String restaurantId = Catalogs.PIZZERIA;
        private final List<RequestedLine> items = new ArrayList<>();
        private String notes;

        private ChangeBuilder(ChangeKind kind) {
            this.kind = kind;
        }

        public ChangeBuilder withOrderId(String orderId) {
            this.orderId = orderId;
            return this;
        }

        public ChangeBuilder by(String userId) {
            this.userId = userId;
            return this;
        }

        public ChangeBuilder receivedAt(long receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        public ChangeBuilder withRequestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        public ChangeBuilder at(String restaurantId) {
            this.restaurantId = restaurantId;
            return this;
        }

        public ChangeBuilder withLine(String menuItemId, int quantity) {
            items.add(new RequestedLine(menuItemId, quantity));
            return this;
        }

        public ChangeBuilder withItems(List<RequestedLine> lines) {
            items.addAll(lines);
            return this;
        }

        public ChangeBuilder withNotes(String notes) {
            this.notes = notes;
            return this;
        }

        public OrderChange build() {
            List<RequestedLine> lines = items.isEmpty() ? List.of(line(Catalogs.MARGHERITA, 1)) : items;
            return new OrderChange(orderId, userId, kind, receivedAt, requestId,
                    new OrderRequest(restaurantId, lines, notes));
        }

        /** The queue message the gateway would write for this change. */
        public String toMessage() {
            return message(build());
        }
    }

    public static String message(OrderChange change) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("restaurantId", change.order().restaurantId());
        order.put("items", change.order().items());
        if (change.order().notes() != null) {
            order.put("notes", change.order().notes());
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("orderId", change.orderId());
        message.put("userId", change.userId());
        message.put("kind", change.kind().name());
        message.put("receivedAt", change.receivedAt());
        message.put("requestId", change.requestId());
        message.put("order", order);
        try {
            return Json.MAPPER.writeValueAsString(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
