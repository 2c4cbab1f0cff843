package dev.orderflow.infra;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.sfn.StateMachine;
import com.pulumi.aws.sfn.StateMachineArgs;
import com.pulumi.aws.sfn.inputs.StateMachineLoggingConfigurationArgs;
import com.pulumi.aws.sfn.inputs.StateMachineTracingConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * The order workflow: the two container-image functions it calls (validate-order, persist-order) and the Step
 * Functions state machine, defined by {@code statemachine/order-workflow.asl.json} with the functions' ARNs
 * substituted for its placeholders, logging to CloudWatch Logs and traced with X-Ray.
 */
final class Workflow extends ComponentResource {

    static final String PERSIST_ORDER_FUNCTION_ARN = "PersistOrderFunctionArn";
    static final String VALIDATE_ORDER_FUNCTION_ARN = "ValidateOrderFunctionArn";

    private static final List<String> LOG_DELIVERY_ACTIONS = List.of(
            "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
            "logs:DescribeLogGroups");
    private static final List<String> TRACING_ACTIONS = List.of(
            "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets");

    private final LambdaFunction validateOrder;
    private final LambdaFunction persistOrder;
    private final StateMachine stateMachine;

    Workflow(StackContext env, Data data, Images images, ComponentResourceOptions options) {
        super("orderflow:workflow:Workflow", "workflow", options);
        var parent = ComponentResourceOptions.builder().parent(this).build();
        var child = CustomResourceOptions.builder().parent(this).build();
        StackConfig config = env.config();

        this.validateOrder = new LambdaFunction(Images.VALIDATE_ORDER, new LambdaFunction.Spec(
                new LambdaFunction.Code.Image(Images.image(images.validateOrder(), config.validateOrderImage()),
                        FunctionEnvironment.VALIDATE_ORDER_HANDLER),
                data.catalog().name().applyValue(FunctionEnvironment::validateOrder),
                List.of(Policy.allow(List.of("dynamodb:Query"), data.catalog().arn())),
                config.functionMemoryMb(), 15), env, parent);

        this.persistOrder = new LambdaFunction(Images.PERSIST_ORDER, new LambdaFunction.Spec(
                new LambdaFunction.Code.Image(Images.image(images.persistOrder(), config.persistOrderImage()),
                        FunctionEnvironment.PERSIST_ORDER_HANDLER),
                data.orders().name().applyValue(FunctionEnvironment::persistOrder),
                List.of(Policy.allow(List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:GetItem"),
                        data.orders().arn())),
                config.functionMemoryMb(), 15), env, parent);

        var logGroup = new LogGroup("workflow", LogGroupArgs.builder()
                // Step Functions log groups go under /aws/vendedlogs/ so the log resource policy stays small.
                .name("/aws/vendedlogs/states/" + env.prefix() + "-workflow")
                .retentionInDays(config.logRetentionDays())
                .build(), child);

        var role = new Role("workflow", RoleArgs.builder()
                .description("Orderflow order workflow")
                .assumeRolePolicy(Policy.assumableBy("states.amazonaws.com", env.accountId()))
                .build(), child);
        var policy = new RolePolicy("workflow", RolePolicyArgs.builder()
                .role(role.id())
                .policy(Policy.document(List.of(
                        Policy.allow(List.of("lambda:InvokeFunction"),
                                List.of(validateOrder.invokeArn(), persistOrder.invokeArn())),
                        Policy.onAnyResource(LOG_DELIVERY_ACTIONS),
                        Policy.onAnyResource(TRACING_ACTIONS))))
                .build(), child);

        Output<String> definition = Output.tuple(persistOrder.invokeArn(), validateOrder.invokeArn())
                .applyValue(arns -> Contracts.workflowDefinition(Map.of(
                        PERSIST_ORDER_FUNCTION_ARN, arns.t1,
                        VALIDATE_ORDER_FUNCTION_ARN, arns.t2)));

        this.stateMachine = new StateMachine("workflow", StateMachineArgs.builder()
                .type(config.workflowType().name())
                .roleArn(role.arn())
                .definition(definition)
                .loggingConfiguration(StateMachineLoggingConfigurationArgs.builder()
                        .level("ERROR")
                        .includeExecutionData(true)
                        .logDestination(logGroup.arn().applyValue(arn -> arn + ":*"))
                        .build())
                .tracingConfiguration(StateMachineTracingConfigurationArgs.builder().enabled(true).build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(policy).build());

        registerOutputs(Map.of("stateMachineArn", stateMachine.arn()));
    }

    LambdaFunction validateOrder() {
        return validateOrder;
    }

    LambdaFunction persistOrder() {
        return persistOrder;
    }

    StateMachine stateMachine() {
        return stateMachine;
    }
}
