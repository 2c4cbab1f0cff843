package dev.orderflow.local.states.execution;

/** The execution as a whole must stop: it was aborted (StopExecution) or ran out of time (TimeoutSeconds). */
sealed abstract class ExecutionStopped extends RuntimeException permits ExecutionStopped.Aborted, ExecutionStopped.TimedOut {

    ExecutionStopped(String message) {
        super(message, null, false, false);
    }

    static final class Aborted extends ExecutionStopped {
        Aborted() {
            super("the execution was stopped");
        }
    }

    static final class TimedOut extends ExecutionStopped {
        TimedOut() {
            super("the execution timed out");
        }
    }
}
