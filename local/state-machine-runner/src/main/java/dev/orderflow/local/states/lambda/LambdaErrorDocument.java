package dev.orderflow.local.states.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * The error document the Lambda Java runtime reports for an exception escaping a handler:
 * {@code {"errorMessage", "errorType", "stackTrace": ["frame", ...]}} for the exception itself, with the frames of
 * the code that called the handler (here: this runner) cut off, as the runtime cuts off its own.
 */
final class LambdaErrorDocument {

    /** The first frame of the runner under the handler: everything from there down is cut. */
    private static final String CALLER = JavaHandlerFunction.class.getName();

    private LambdaErrorDocument() {
    }

    static FunctionError of(Throwable thrown) {
        String type = thrown.getClass().getName();
        ObjectNode document = Json.object();
        document.put("errorMessage", thrown.getLocalizedMessage() == null ? type : thrown.getLocalizedMessage());
        document.put("errorType", type);
        var trace = document.putArray("stackTrace");
        handlerFrames(thrown).forEach(trace::add);
        return new FunctionError(type, Json.write(document));
    }

    private static List<String> handlerFrames(Throwable thrown) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().equals(CALLER) || frame.getClassName().startsWith(CALLER + "$")) {
                break;
            }
            frames.add(frame.toString());
        }
        return frames;
    }
}
