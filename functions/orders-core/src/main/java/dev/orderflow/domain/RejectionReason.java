package dev.orderflow.domain;

/** Why an order was rejected: a code to switch on, a message to show, and the line it concerns, if any. */
public record RejectionReason(ReasonCode code, String message, String menuItemId) {

    public static RejectionReason of(ReasonCode code, String message) {
        return new RejectionReason(code, message, null);
    }

    public static RejectionReason forItem(ReasonCode code, String menuItemId, String message) {
        return new RejectionReason(code, message, menuItemId);
    }
}
