package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The events of one execution, appended by all its strands (branches run concurrently). Bounded like Step
 * Functions' own history: an execution that would exceed the limit fails.
 */
public final class ExecutionHistory {

    private final List<HistoryEvent> events = new ArrayList<>();
    private final int limit;

    ExecutionHistory(int limit) {
        this.limit = limit;
    }

    /**
     * Appends an event and answers its id.
     *
     * @param closing the execution's last event, which is always recorded
     * @throws StatesError when the history is full
     */
    synchronized long append(String type, Optional<ObjectNode> details, long previousEventId, Instant timestamp,
                             boolean closing) {
        if (events.size() >= limit && !closing) {
            throw StatesError.of("States.Runtime",
                    "The execution reached the maximum number of events in its history (" + limit + ")");
        }
        long id = events.size() + 1;
        events.add(new HistoryEvent(id, previousEventId, timestamp, type, details));
        return id;
    }

    public synchronized List<HistoryEvent> events() {
        return List.copyOf(events);
    }

    synchronized long lastEventId() {
        return events.size();
    }
}
