package dev.orderflow.api;

/** A request the API refuses, with the status and the message the client sees. */
final class ApiError extends RuntimeException {

    private final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError notFound() {
        return new ApiError(404, "Order not found");
    }

    int status() {
        return status;
    }
}
