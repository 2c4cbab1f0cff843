package dev.orderflow.domain;

import java.util.List;

/** The server's prices for an order: every line priced from the catalog and their total, in one currency. */
public record Pricing(String currency, List<PricedLine> lines, Money total) {

    public Pricing {
        lines = List.copyOf(lines);
    }
}
