package dev.orderflow.local.states.jsonpath;

/** An intrinsic function could not produce a value from its arguments; the message says which call and why. */
public final class IntrinsicFailure extends RuntimeException {

    IntrinsicFailure(String message) {
        super(message);
    }
}
