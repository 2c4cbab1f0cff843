package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.time.StatesClock;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One thread of control in an execution: the whole execution, a Parallel branch, or a Map iteration. A strand
 * has its own timeline, its own workflow variables (a branch starts with a copy of its parent's), and links each
 * event it records to the one it recorded before.
 */
final class Strand {

    private final ExecutionScope scope;
    private final StatesClock.Timeline timeline;
    private final Map<String, JsonNode> variables;
    private long lastEventId;

    Strand(ExecutionScope scope, StatesClock.Timeline timeline, Map<String, JsonNode> variables, long lastEventId) {
        this.scope = scope;
        this.timeline = timeline;
        this.variables = variables;
        this.lastEventId = lastEventId;
    }

    ExecutionScope scope() {
        return scope;
    }

    Instant now() {
        return timeline.now();
    }

    /** The variables as they are now (read-only view for evaluation). */
    Map<String, JsonNode> variables() {
        return Collections.unmodifiableMap(variables);
    }

    void assign(Map<String, JsonNode> assigned) {
        variables.putAll(assigned);
    }

    long record(String type, ObjectNode details) {
        return append(type, Optional.of(details), lastEventId);
    }

    long record(String type) {
        return append(type, Optional.empty(), lastEventId);
    }

    /** Records an event Step Functions links to no predecessor (previousEventId 0). */
    long recordUnlinked(String type, ObjectNode details) {
        return append(type, Optional.of(details), 0);
    }

    private long append(String type, Optional<ObjectNode> details, long previous) {
        lastEventId = scope.execution().history().append(type, details, previous, now(), false);
        return lastEventId;
    }

    /** Lets time pass, within the execution's deadline; a stop request ends the wait at once. */
    void sleep(Duration duration) {
        checkpoint();
        Duration wait = duration;
        boolean timesOut = false;
        if (scope.deadline().isPresent()) {
            Duration left = Duration.between(now(), scope.deadline().get());
            if (left.compareTo(wait) < 0) {
                wait = left.isNegative() ? Duration.ZERO : left;
                timesOut = true;
            }
        }
        try {
            timeline.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionStopped.Aborted();
        }
        if (timesOut) {
            throw new ExecutionStopped.TimedOut();
        }
        checkpoint();
    }

    /** How long a blocking call may take before the execution's deadline; empty when there is none. */
    Optional<Duration> timeLeft() {
        return scope.deadline().map(deadline -> Duration.between(now(), deadline));
    }

    /** Stops here when the execution was asked to stop or has run out of time. */
    void checkpoint() {
        if (scope.stopRequested()) {
            throw new ExecutionStopped.Aborted();
        }
        if (scope.deadline().isPresent() && !now().isBefore(scope.deadline().get())) {
            throw new ExecutionStopped.TimedOut();
        }
    }

    /** A strand for a branch starting now, after the event this strand recorded last. */
    Strand branch() {
        return new Strand(scope, timeline.fork(), new HashMap<>(variables), lastEventId);
    }

    /** Continues after branches: their time has passed, their events come before what follows. */
    void joined(List<Strand> branches) {
        timeline.join(branches.stream().map(b -> b.timeline).toList());
        lastEventId = scope.execution().history().lastEventId();
    }

    long lastEventId() {
        return lastEventId;
    }
}
