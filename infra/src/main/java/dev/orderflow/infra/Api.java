package dev.orderflow.infra;

import com.pulumi.aws.apigateway.Account;
import com.pulumi.aws.apigateway.AccountArgs;
import com.pulumi.aws.apigateway.Deployment;
import com.pulumi.aws.apigateway.DeploymentArgs;
import com.pulumi.aws.apigateway.MethodSettings;
import com.pulumi.aws.apigateway.MethodSettingsArgs;
import com.pulumi.aws.apigateway.RestApi;
import com.pulumi.aws.apigateway.RestApiArgs;
import com.pulumi.aws.apigateway.Stage;
import com.pulumi.aws.apigateway.StageArgs;
import com.pulumi.aws.apigateway.inputs.MethodSettingsSettingsArgs;
import com.pulumi.aws.apigateway.inputs.RestApiEndpointConfigurationArgs;
import com.pulumi.aws.apigateway.inputs.StageAccessLogSettingsArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API: a REST API whose body is {@code api/openapi.yaml} with its six deployment placeholders substituted
 * (routes, Cognito authorizer and scopes, validators, the SQS integration and its VTL, gateway responses all come
 * from there), the orders-api function it proxies reads to, the role that lets API Gateway send to the queue (only
 * {@code sqs:SendMessage}, only on that queue), and a stage with JSON access logs, X-Ray tracing and throttling.
 */
final class Api extends ComponentResource {

    static final String AWS_REGION = "AwsRegion";
    static final String ACCOUNT_ID = "AccountId";
    static final String ORDERS_QUEUE_NAME = "OrdersQueueName";
    static final String API_GATEWAY_QUEUE_ROLE_ARN = "ApiGatewayQueueRoleArn";
    static final String USER_POOL_ARN = "UserPoolArn";
    static final String ORDERS_API_FUNCTION_ARN = "OrdersApiFunctionArn";

    /** The managed policy API Gateway's account-wide logging role needs (it writes to log groups it names itself). */
    static final String PUSH_TO_CLOUDWATCH_LOGS =
            "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs";

    private static final String ACCESS_LOG_FORMAT = Policy.write(accessLogFields());

    private final RestApi restApi;
    private final Stage stage;
    private final LambdaFunction ordersApi;

    Api(StackContext env, Auth auth, Data data, Queueing queueing, ComponentResourceOptions options) {
        super("orderflow:api:Api", "api", options);
        var child = CustomResourceOptions.builder().parent(this).build();
        StackConfig config = env.config();

        this.ordersApi = new LambdaFunction("orders-api", new LambdaFunction.Spec(
                new LambdaFunction.Code.Zip(config.repositoryRoot().resolve(FunctionJars.ORDERS_API.path()),
                        FunctionEnvironment.ORDERS_API_HANDLER),
                Output.tuple(data.orders().name(), config.pageTokenKey())
                        .applyValue(values -> FunctionEnvironment.ordersApi(values.t1, values.t2)),
                List.of(
                        Policy.allow(List.of("dynamodb:GetItem", "dynamodb:UpdateItem"), data.orders().arn()),
                        Policy.allow(List.of("dynamodb:Query"), data.ordersIndexArn())),
                config.functionMemoryMb(), 10), env, ComponentResourceOptions.builder().parent(this).build());

        var queueRole = new Role("queue-sender", RoleArgs.builder()
                .description("Lets API Gateway send orders to the orders queue")
                .assumeRolePolicy(Policy.assumableBy("apigateway.amazonaws.com"))
                .build(), child);
        var queuePolicy = new RolePolicy("queue-sender", RolePolicyArgs.builder()
                .role(queueRole.id())
                .policy(Policy.document(List.of(
                        Policy.allow(List.of("sqs:SendMessage"), queueing.queue().arn()))))
                .build(), child);

        Output<String> body = Output.all(List.of(
                        env.region(), env.accountId(), queueing.queue().name(), queueRole.arn(),
                        auth.userPool().arn(), ordersApi.invokeArn()))
                .applyValue(values -> Contracts.openApiBody(Map.of(
                        AWS_REGION, values.get(0),
                        ACCOUNT_ID, values.get(1),
                        ORDERS_QUEUE_NAME, values.get(2),
                        API_GATEWAY_QUEUE_ROLE_ARN, values.get(3),
                        USER_POOL_ARN, values.get(4),
                        ORDERS_API_FUNCTION_ARN, values.get(5))));

        this.restApi = new RestApi("orders", RestApiArgs.builder()
                .name(env.prefix())
                .description("Orderflow orders API (api/openapi.yaml)")
                .body(body)
                .endpointConfiguration(RestApiEndpointConfigurationArgs.builder().types("REGIONAL").build())
                .build(), child);

        // A new deployment whenever the document changes; the stage then points at it.
        var deployment = new Deployment("orders", DeploymentArgs.builder()
                .restApi(restApi.id())
                .description("Orderflow orders API")
                .triggers(body.applyValue(document -> Map.of("body", sha256(document))))
                .build(), child);

        var accessLogs = new LogGroup("access", LogGroupArgs.builder()
                .name(env.logGroupName("api", "access"))
                .retentionInDays(config.logRetentionDays())
                .build(), child);

        List<Resource> stageDependencies = new ArrayList<>(List.of(queuePolicy));
        if (config.manageApiGatewayAccount()) {
            stageDependencies.add(apiGatewayAccount(child));
        }
        this.stage = new Stage("orders", StageArgs.builder()
                .restApi(restApi.id())
                .deployment(deployment.id())
                .stageName(config.stageName())
                .xrayTracingEnabled(true)
                .accessLogSettings(StageAccessLogSettingsArgs.builder()
                        .destinationArn(accessLogs.arn())
                        .format(ACCESS_LOG_FORMAT)
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(stageDependencies).build());

        new MethodSettings("all-methods", MethodSettingsArgs.builder()
                .restApi(restApi.id())
                .stageName(stage.stageName())
                .methodPath("*/*")
                .settings(MethodSettingsSettingsArgs.builder()
                        .metricsEnabled(true)
                        .loggingLevel("ERROR")
                        // Never log request or response bodies: they carry tokens' claims and orders.
                        .dataTraceEnabled(false)
                        .throttlingRateLimit(config.throttleRateLimit())
                        .throttlingBurstLimit(config.throttleBurstLimit())
                        .build())
                .build(), child);

        // API Gateway may invoke orders-api only for the operations the document routes to it, on this stage.
        for (Contracts.ProxyOperation operation : Contracts.operationsInvoking(ORDERS_API_FUNCTION_ARN)) {
            String name = "orders-api-" + operation.method() + operation.path()
                    .replaceAll("[{}]", "").replace('/', '-');
            PermissionArgs.Builder permission = PermissionArgs.builder()
                    .action("lambda:InvokeFunction")
                    .function(ordersApi.functionName())
                    .principal("apigateway.amazonaws.com")
                    .sourceArn(Output.format("%s/%s/%s", restApi.executionArn(), stage.stageName(),
                            operation.sourceArnSuffix()));
            ordersApi.qualifier().ifPresent(permission::qualifier);
            new Permission(name, permission.build(), child);
        }

        registerOutputs(Map.of("apiUrl", stage.invokeUrl()));
    }

    private Account apiGatewayAccount(CustomResourceOptions child) {
        var role = new Role("api-gateway-logging", RoleArgs.builder()
                .description("API Gateway's account-wide role for writing logs to CloudWatch Logs")
                .assumeRolePolicy(Policy.assumableBy("apigateway.amazonaws.com"))
                .build(), child);
        var attachment = new RolePolicyAttachment("api-gateway-logging", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(PUSH_TO_CLOUDWATCH_LOGS)
                .build(), child);
        return new Account("api-gateway", AccountArgs.builder()
                .cloudwatchRoleArn(role.arn())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(attachment).build());
    }

    private static Map<String, String> accessLogFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requestId", "$context.requestId");
        fields.put("requestTime", "$context.requestTimeEpoch");
        fields.put("ip", "$context.identity.sourceIp");
        fields.put("caller", "$context.authorizer.claims.sub");
        fields.put("httpMethod", "$context.httpMethod");
        fields.put("resourcePath", "$context.resourcePath");
        fields.put("status", "$context.status");
        fields.put("responseLength", "$context.responseLength");
        fields.put("latencyMs", "$context.responseLatency");
        fields.put("integrationStatus", "$context.integration.status");
        fields.put("integrationLatencyMs", "$context.integration.latency");
        fields.put("error", "$context.error.message");
        fields.put("authorizerError", "$context.authorizer.error");
        fields.put("xrayTraceId", "$context.xrayTraceId");
        return fields;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    RestApi restApi() {
        return restApi;
    }

    Stage stage() {
        return stage;
    }

    LambdaFunction ordersApi() {
        return ordersApi;
    }
}
