package dev.orderflow.ports;

/** The result of a workflow write: the outcome and, when the change is in flight, its version. */
public record WriteResult(Outcome outcome, Long version) {

    public static WriteResult of(Outcome outcome, long version) {
        return new WriteResult(outcome, version);
    }

    public static WriteResult declined(Outcome outcome) {
        return new WriteResult(outcome, null);
    }
}
