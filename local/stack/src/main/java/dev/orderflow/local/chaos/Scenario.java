package dev.orderflow.local.chaos;

/** How a chaos run treats one of the orders it places, with the share of orders treated so. */
enum Scenario {

    VALID(40, "valid order"),
    CATALOG_REJECT(12, "valid JSON the catalog rejects (unavailable dish, closed or unknown restaurant, unknown dish)"),
    REPEATED_KEY(12, "posted 2 or 3 times with the same Idempotency-Key, partly at once"),
    DELETE_IN_FLIGHT(10, "deleted right after the 202, while its workflow runs"),
    REPLACE(12, "replaced by a PUT, at once or once visible"),
    NO_KEY(4, "posted without Idempotency-Key (the request id becomes the order id)"),
    SHARED_KEY(4, "both callers post with the same Idempotency-Key: two orders, one each"),
    FOREIGN_PROBES(6, "the other caller tries GET, DELETE and PUT on it");

    private final int weight;
    private final String description;

    Scenario(int weight, String description) {
        this.weight = weight;
        this.description = description;
    }

    int weight() {
        return weight;
    }

    String description() {
        return description;
    }

    static int totalWeight() {
        int total = 0;
        for (Scenario scenario : values()) {
            total += scenario.weight;
        }
        return total;
    }
}
