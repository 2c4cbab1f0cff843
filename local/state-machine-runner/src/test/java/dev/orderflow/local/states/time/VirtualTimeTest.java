package dev.orderflow.local.states.time;

import dev.orderflow.local.states.WorkflowTester;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.ExecutionStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.orderflow.local.states.WorkflowTester.events;
import static org.assertj.core.api.Assertions.assertThat;

/** Virtual time: waits cost nothing, timestamps advance as if they had passed, deadlines still hold. */
class VirtualTimeTest {

    @Test
    void virtualTimeline_skipsWaitsAndForksBranchesThatJoinAtTheLatest() throws InterruptedException {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        StatesClock.Timeline main = StatesClock.virtual(Clock.fixed(start, ZoneOffset.UTC)).startTimeline();
        main.sleep(Duration.ofHours(1));
        StatesClock.Timeline shortBranch = main.fork();
        StatesClock.Timeline longBranch = main.fork();
        shortBranch.sleep(Duration.ofMinutes(1));
        longBranch.sleep(Duration.ofMinutes(5));

        main.join(List.of(shortBranch, longBranch));

        assertThat(main.now()).isEqualTo(start.plus(Duration.ofMinutes(65)));
        assertThat(shortBranch.now()).isEqualTo(start.plus(Duration.ofMinutes(61)));
    }

    @Test
    void waitStates_advanceTheHistoryTimestampsWithoutWallTime() {
        try (WorkflowTester tester = WorkflowTester.create()) {
            long started = System.nanoTime();

            Execution run = tester.run("""
                    {"StartAt": "W1", "States": {
                      "W1": {"Type": "Wait", "Seconds": 86400, "Next": "W2"},
                      "W2": {"Type": "Wait", "Timestamp": "2026-01-03T00:00:00Z", "Next": "W3"},
                      "W3": {"Type": "Wait", "SecondsPath": "$.extra", "End": true}}}""", "{\"extra\": 30}");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(events(run, "WaitStateExited")).extracting(e -> e.timestamp().toString())
                    .containsExactly("2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z", "2026-01-03T00:00:30Z");
            assertThat(run.stopDate()).contains(Instant.parse("2026-01-03T00:00:30Z"));
        }
    }

    @Test
    void executionTimeout_endsAVirtualWaitAtTheDeadlineAsTimedOut() {
        try (WorkflowTester tester = WorkflowTester.create()) {
            Execution run = tester.run("""
                    {"TimeoutSeconds": 60, "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}""",
                    "{}");

            assertThat(run.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
            assertThat(run.error()).contains("States.Timeout");
            assertThat(run.stopDate()).contains(Instant.parse("2026-01-01T00:01:00Z"));
            assertThat(WorkflowTester.types(run)).endsWith("WaitStateEntered", "ExecutionTimedOut");
        }
    }

    @Test
    void waitTimestampInThePast_doesNotWait() {
        try (WorkflowTester tester = WorkflowTester.create()) {
            Execution run = tester.run("""
                    {"StartAt": "W", "States": {"W": {"Type": "Wait", "TimestampPath": "$.at", "End": true}}}""",
                    "{\"at\": \"2020-01-01T00:00:00Z\"}");

            assertThat(run.stopDate()).contains(WorkflowTester.T0);
        }
    }

    @Test
    void invalidSecondsPath_failsWithStepFunctionsMessages() {
        try (WorkflowTester tester = WorkflowTester.create()) {
            String definition = """
                    {"StartAt": "WaitState", "States": {"WaitState": {"Type": "Wait", "SecondsPath": "$.s", "End": true}}}""";

            assertThat(tester.run(definition, "{\"s\": 1.5}").cause().orElseThrow())
                    .endsWith("The SecondsPath parameter cannot be parsed as a long value: $.s == 1.5");
            assertThat(tester.run(definition, "{\"s\": -1}").cause().orElseThrow())
                    .endsWith("The SecondsPath parameter references a negative value: $.s == -1");
            assertThat(tester.run(definition, "{}").cause().orElseThrow())
                    .endsWith("The SecondsPath parameter does not reference an input value: $.s");
        }
    }
}
