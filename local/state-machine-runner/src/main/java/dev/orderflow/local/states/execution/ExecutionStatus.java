package dev.orderflow.local.states.execution;

/** An execution's status, with the names DescribeExecution uses. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED
}
