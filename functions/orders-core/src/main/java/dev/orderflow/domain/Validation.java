package dev.orderflow.domain;

import java.util.List;

/** The outcome of checking an order against the catalog: priced, or rejected with reasons. Never an exception. */
public sealed interface Validation {

    record Priced(Pricing pricing) implements Validation {
    }

    record Rejected(List<RejectionReason> reasons) implements Validation {
        public Rejected {
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one reason");
            }
            reasons = List.copyOf(reasons);
        }
    }
}
