package dev.orderflow.infra;

import com.pulumi.asset.FileArchive;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lambda.Alias;
import com.pulumi.aws.lambda.AliasArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionImageConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionSnapStartArgs;
import com.pulumi.aws.lambda.inputs.FunctionTracingConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Lambda function with everything it owns: its own role (trusting only Lambda, allowed only the statements the
 * caller names plus writing to its own log group and X-Ray), its log group with a retention period, JSON logs and
 * active tracing. A zip function with SnapStart also publishes a version and points the {@code live} alias at it:
 * callers use {@link #invokeArn()}, so they always run the snapshot.
 */
final class LambdaFunction extends ComponentResource {

    static final String RUNTIME = "java25";
    static final String LIVE_ALIAS = "live";

    /** How the code ships. */
    sealed interface Code {
        /** A shaded jar on disk, deployed as a zip package (Java 25 managed runtime). */
        record Zip(Path jar, String handler) implements Code {
        }

        /** A container image in ECR; the handler is the image's CMD. */
        record Image(Output<String> imageUri, String handler) implements Code {
        }
    }

    /** What a function is: its code, configuration and the permissions it needs beyond its own logs. */
    record Spec(Code code, Output<Map<String, String>> environment, List<Policy.Statement> permissions,
                int memoryMb, int timeoutSeconds) {
    }

    private final String name;
    private final Function function;
    private final Optional<Alias> alias;

    LambdaFunction(String name, Spec spec, StackContext env, ComponentResourceOptions options) {
        super("orderflow:functions:LambdaFunction", name, options);
        this.name = name;
        var child = CustomResourceOptions.builder().parent(this).build();

        var logGroup = new LogGroup(name, LogGroupArgs.builder()
                .name(env.logGroupName("lambda", name))
                .retentionInDays(env.config().logRetentionDays())
                .build(), child);

        var role = new Role(name, RoleArgs.builder()
                .description("Orderflow " + name + " function")
                .assumeRolePolicy(Policy.assumableBy("lambda.amazonaws.com"))
                .build(), child);

        List<Policy.Statement> statements = new ArrayList<>(spec.permissions());
        statements.add(Policy.allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                logGroup.arn().applyValue(arn -> arn + ":*")));
        statements.add(Policy.onAnyResource(List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords")));
        var policy = new RolePolicy(name, RolePolicyArgs.builder()
                .role(role.id())
                .policy(Policy.document(statements))
                .build(), child);

        FunctionArgs.Builder args = FunctionArgs.builder()
                .description("Orderflow " + name)
                .role(role.arn())
                .memorySize(spec.memoryMb())
                .timeout(spec.timeoutSeconds())
                .architectures("x86_64")
                .environment(FunctionEnvironmentArgs.builder().variables(spec.environment()).build())
                .loggingConfig(FunctionLoggingConfigArgs.builder()
                        .logFormat("JSON")
                        .applicationLogLevel("INFO")
                        .systemLogLevel("WARN")
                        .logGroup(logGroup.name())
                        .build())
                .tracingConfig(FunctionTracingConfigArgs.builder().mode("Active").build());

        // The role's policy must exist before the function first runs (SnapStart runs it at publish time).
        var functionOptions = CustomResourceOptions.builder().parent(this).dependsOn(policy);
        boolean snapStart = false;
        switch (spec.code()) {
            case Code.Zip zip -> {
                snapStart = env.config().snapStart();
                args.packageType("Zip")
                        .runtime(RUNTIME)
                        .handler(zip.handler())
                        .code(new FileArchive(zip.jar().toString()))
                        .publish(snapStart);
                if (snapStart) {
                    args.snapStart(FunctionSnapStartArgs.builder().applyOn("PublishedVersions").build());
                }
                env.config().zipFunctionsAwsVersion().ifPresent(functionOptions::version);
            }
            case Code.Image image -> args.packageType("Image")
                    .imageUri(image.imageUri())
                    .imageConfig(FunctionImageConfigArgs.builder().commands(image.handler()).build());
        }
        this.function = new Function(name, args.build(), functionOptions.build());

        this.alias = !snapStart ? Optional.empty() : Optional.of(new Alias(name, AliasArgs.builder()
                .name(LIVE_ALIAS)
                .description("The published version, with its SnapStart snapshot")
                .functionName(function.name())
                .functionVersion(function.version())
                .build(), child));

        registerOutputs(Map.of(
                "functionName", function.name(),
                "invokeArn", invokeArn(),
                "logGroupName", logGroup.name()));
    }

    /** The function's logical name: poller, validate-order, persist-order, orders-api. */
    String name() {
        return name;
    }

    Output<String> functionName() {
        return function.name();
    }

    /** The unqualified function ARN. */
    Output<String> arn() {
        return function.arn();
    }

    /** What callers invoke: the {@code live} alias when the function publishes SnapStart versions, else the function. */
    Output<String> invokeArn() {
        return alias.map(Alias::arn).orElse(function.arn());
    }

    /** The alias callers invoke, if any (a Lambda permission's qualifier). */
    Optional<Output<String>> qualifier() {
        return alias.map(Alias::name);
    }
}
