package dev.orderflow.local.states.api;

/**
 * A request Step Functions would refuse, with the service's error type ({@code ExecutionAlreadyExists},
 * {@code InvalidArn}...) and message; over HTTP it becomes {@code {"__type": type, "message": message}}.
 */
public final class ServiceException extends RuntimeException {

    private final String type;

    public ServiceException(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }

    static ServiceException invalidArn(String arn, String reason) {
        return new ServiceException("InvalidArn", "Invalid Arn: '" + reason + ": " + arn + "'");
    }

    static ServiceException invalidName(String name) {
        return new ServiceException("InvalidName", "Invalid Name: '" + name + "'");
    }

    static ServiceException validation(String message) {
        return new ServiceException("ValidationException", message);
    }
}
