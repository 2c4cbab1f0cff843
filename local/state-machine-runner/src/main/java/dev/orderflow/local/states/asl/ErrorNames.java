package dev.orderflow.local.states.asl;

import java.util.List;
import java.util.Set;

/**
 * The error names the Amazon States Language defines, and how Retry and Catch match them: {@code States.ALL}
 * matches any error except the terminal ones, {@code States.TaskFailed} any except those and {@code States.Timeout}.
 */
public final class ErrorNames {

    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String RUNTIME = "States.Runtime";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";

    private static final Set<String> KNOWN = Set.of(ALL, TASK_FAILED, TIMEOUT, RUNTIME, DATA_LIMIT_EXCEEDED,
            NO_CHOICE_MATCHED, QUERY_EVALUATION_ERROR, RESULT_PATH_MATCH_FAILURE, HEARTBEAT_TIMEOUT,
            "States.BranchFailed", "States.Permissions", "States.ParameterPathFailure", "States.IntrinsicFailure",
            "States.ExceedToleratedFailureThreshold", "States.ItemReaderFailed", "States.ResultWriterFailed",
            "States.Http.Socket");
    /** Errors no retrier or catcher ever handles: the execution fails. */
    private static final Set<String> TERMINAL = Set.of(RUNTIME, DATA_LIMIT_EXCEEDED);

    private ErrorNames() {
    }

    public static boolean isKnownStatesError(String name) {
        return KNOWN.contains(name);
    }

    public static boolean isTerminal(String error) {
        return TERMINAL.contains(error);
    }

    /** Whether a retrier's or catcher's {@code ErrorEquals} handles {@code error}. */
    public static boolean matches(List<String> errorEquals, String error) {
        if (isTerminal(error)) {
            return false;
        }
        for (String name : errorEquals) {
            if (name.equals(error) || name.equals(ALL) || name.equals(TASK_FAILED) && !error.equals(TIMEOUT)) {
                return true;
            }
        }
        return false;
    }
}
