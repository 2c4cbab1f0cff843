package dev.orderflow.aws.stepfunctions;

import dev.orderflow.domain.ExecutionName;
import dev.orderflow.domain.OrderChange;
import dev.orderflow.ports.WorkflowStarter;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;

/**
 * Starts the order workflow with a deterministic execution name. Step Functions (STANDARD) returns the running
 * execution for the same name and input, and {@code ExecutionAlreadyExists} for the same name with another
 * input or after it closed: both mean this change's execution exists, which is success.
 */
public final class StepFunctionsWorkflowStarter implements WorkflowStarter {

    private final SfnClient stepFunctions;
    private final String stateMachineArn;

    public StepFunctionsWorkflowStarter(SfnClient stepFunctions, String stateMachineArn) {
        this.stepFunctions = stepFunctions;
        this.stateMachineArn = stateMachineArn;
    }

    @Override
    public Started start(OrderChange change, String input) {
        try {
            stepFunctions.startExecution(StartExecutionRequest.builder()
                    .stateMachineArn(stateMachineArn)
                    .name(ExecutionName.of(change))
                    .input(input)
                    .build());
            return Started.STARTED;
        } catch (ExecutionAlreadyExistsException e) {
            return Started.ALREADY_STARTED;
        }
    }
}
