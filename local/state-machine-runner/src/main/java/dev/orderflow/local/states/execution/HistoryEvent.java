package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.json.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One event of an execution's history, as GetExecutionHistory returns it: {@code id}, {@code previousEventId},
 * {@code timestamp} (epoch seconds), {@code type} and the type's details object
 * ({@code stateEnteredEventDetails}, {@code taskFailedEventDetails}...).
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type,
                           Optional<ObjectNode> details) {

    /** The details field's name for an event type: {@code TaskStateEntered} → {@code stateEnteredEventDetails}. */
    public static String detailsField(String type) {
        if (type.endsWith("StateEntered")) {
            return "stateEnteredEventDetails";
        }
        if (type.endsWith("StateExited")) {
            return "stateExitedEventDetails";
        }
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.set("timestamp", epochSeconds(timestamp));
        json.put("type", type);
        json.put("id", id);
        json.put("previousEventId", previousEventId);
        details.ifPresent(d -> json.set(detailsField(type), d));
        return json;
    }

    /** AWS JSON 1.0 timestamps: epoch seconds with the milliseconds as a fraction. */
    public static com.fasterxml.jackson.databind.JsonNode epochSeconds(Instant instant) {
        return Json.NODES.numberNode(BigDecimal.valueOf(instant.toEpochMilli(), 3));
    }
}
