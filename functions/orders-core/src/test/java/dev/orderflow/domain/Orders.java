package dev.orderflow.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders and changes for domain tests: {@code Orders.anOrder().withLine(MARGHERITA, 2).build()} and
 * {@code Orders.aCreate().by(user).forOrder(id).build()}.
 */
final class Orders {

    static final String USER = "5b7c2e8a-3f41-4d7e-9a0c-6e2f1b8d4c37";
    static final String ORDER_ID = "9f1c3a7e-2b4d-4e8f-a6c5-0d7b3e1f9a24";
    static final String REQUEST_ID = "3e8d1c6b-7a2f-4b9e-8c5d-1f0a6e4b2d93";
    static final long RECEIVED_AT = 1_795_601_730_123L;

    private Orders() {
    }

    static OrderBuilder anOrder() {
        return new OrderBuilder();
    }

    static ChangeBuilder aCreate() {
        return new ChangeBuilder(ChangeKind.CREATE);
    }

    static ChangeBuilder aReplace() {
        return new ChangeBuilder(ChangeKind.REPLACE);
    }

    static final class OrderBuilder {
        private String restaurantId = Menus.PIZZERIA;
        private final List<RequestedLine> lines = new ArrayList<>();
        private String notes;

        private OrderBuilder() {
        }

        OrderBuilder at(String restaurantId) {
            this.restaurantId = restaurantId;
            return this;
        }

        OrderBuilder withLine(String menuItemId, int quantity) {
            lines.add(new RequestedLine(menuItemId, quantity));
            return this;
        }

        /** One of each of the first {@code count} numbered dishes: {@code count} lines, no duplicates. */
        OrderBuilder withOneOfEachNumberedDish(int count) {
            for (int n = 1; n <= count; n++) {
                withLine(Menus.numberedDish(n), 1);
            }
            return this;
        }

        OrderBuilder withNotes(String notes) {
            this.notes = notes;
            return this;
        }

        OrderRequest build() {
            return new OrderRequest(restaurantId, lines, notes);
        }
    }

    static final class ChangeBuilder {
        private final ChangeKind kind;
        private String userId = USER;
        private String orderId = ORDER_ID;
        private String requestId = REQUEST_ID;
        private long receivedAt = RECEIVED_AT;

        private ChangeBuilder(ChangeKind kind) {
            this.kind = kind;
        }

        ChangeBuilder by(String userId) {
            this.userId = userId;
            return this;
        }

        ChangeBuilder forOrder(String orderId) {
            this.orderId = orderId;
            return this;
        }

        ChangeBuilder withRequestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        ChangeBuilder receivedAt(long receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        OrderChange build() {
            return new OrderChange(orderId, userId, kind, receivedAt, requestId,
                    anOrder().withLine(Menus.MARGHERITA, 1).build());
        }
    }
}
