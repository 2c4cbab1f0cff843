package dev.orderflow.local.states.api;

/** Standard workflows (idempotent StartExecution, full history) or Express workflows. */
public enum StateMachineType {
    STANDARD, EXPRESS
}
