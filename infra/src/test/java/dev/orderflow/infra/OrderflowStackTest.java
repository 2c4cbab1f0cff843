package dev.orderflow.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.test.Mocks;
import dev.orderflow.aws.dynamodb.CatalogTable;
import dev.orderflow.aws.dynamodb.OrdersTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.orderflow.infra.StackRun.input;
import static dev.orderflow.infra.StackRun.json;
import static dev.orderflow.infra.StackRun.list;
import static dev.orderflow.infra.StackRun.map;
import static dev.orderflow.infra.StackRun.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole program under Pulumi's mocks (see {@link StackRun}), with the configuration of a full deployment: the
 * resource graph, and the properties a reviewer would otherwise check by hand.
 */
class OrderflowStackTest {

    private static final String FUNCTION = "aws:lambda/function:Function";
    private static final String QUEUE = "aws:sqs/queue:Queue";
    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

    private final StackRun stack = StackRun.standard();

    @Test
    void program_runsWithoutErrors() {
        assertThat(stack.errors).isEmpty();
    }

    @Test
    void resourceGraph_holdsEveryPartOfTheService() {
        Map<String, Long> counts = stack.resources.stream()
                .collect(Collectors.groupingBy(r -> r.type, Collectors.counting()));
        assertThat(counts).contains(
                Map.entry("aws:cognito/userPool:UserPool", 1L),
                Map.entry("aws:cognito/userPoolDomain:UserPoolDomain", 1L),
                Map.entry("aws:cognito/resourceServer:ResourceServer", 1L),
                Map.entry("aws:cognito/userPoolClient:UserPoolClient", 2L),
                Map.entry("aws:apigateway/restApi:RestApi", 1L),
                Map.entry("aws:apigateway/deployment:Deployment", 1L),
                Map.entry("aws:apigateway/stage:Stage", 1L),
                Map.entry("aws:apigateway/methodSettings:MethodSettings", 1L),
                Map.entry(QUEUE, 2L),
                Map.entry(FUNCTION, 4L),
                Map.entry("aws:lambda/alias:Alias", 2L),
                Map.entry("aws:lambda/eventSourceMapping:EventSourceMapping", 1L),
                Map.entry("aws:sfn/stateMachine:StateMachine", 1L),
                Map.entry("aws:dynamodb/table:Table", 2L),
                Map.entry("aws:ecr/repository:Repository", 2L),
                Map.entry("aws:ecr/lifecyclePolicy:LifecyclePolicy", 2L),
                Map.entry("aws:codebuild/project:Project", 1L),
                Map.entry("aws:codepipeline/pipeline:Pipeline", 1L),
                Map.entry("aws:sns/topic:Topic", 1L),
                Map.entry("aws:sns/topicSubscription:TopicSubscription", 1L),
                Map.entry("aws:cloudwatch/dashboard:Dashboard", 1L));
    }

    @Test
    void everyResource_belongsToAComponent() {
        List<String> awsResources = stack.urns.stream().filter(urn -> urn.contains("$aws:")).toList();
        assertThat(awsResources).isNotEmpty().allSatisfy(urn ->
                assertThat(urn).matches(".*::pulumi:pulumi:Stack\\$orderflow:[a-z]+:[A-Za-z]+\\$.*"));
        assertThat(stack.urns.stream().filter(urn -> urn.contains("::pulumi:pulumi:Stack$orderflow:"))
                .map(urn -> urn.replaceAll(".*Stack\\$(orderflow:[a-z]+:[A-Za-z]+).*", "$1")).distinct())
                .contains("orderflow:auth:Auth", "orderflow:api:Api", "orderflow:queueing:Queueing",
                        "orderflow:workflow:Workflow", "orderflow:data:Data", "orderflow:images:Images",
                        "orderflow:delivery:Delivery", "orderflow:observability:Observability");
    }

    @Test
    void outputs_tellAUserHowToReachTheService() {
        assertThat(stack.outputs).containsKeys("apiUrl", "tokenUrl", "machineClientId", "machineClientSecret",
                "webClientId", "queueUrl", "deadLetterQueueUrl", "stateMachineArn", "dashboardUrl",
                "validateOrderRepositoryUrl", "persistOrderRepositoryUrl", "pipelineName");
        assertThat(stack.outputs.get("tokenUrl"))
                .isEqualTo("https://orderflow-test-123456789012.auth.eu-west-1.amazoncognito.com/oauth2/token");
        assertThat((String) stack.outputs.get("dashboardUrl")).contains("#dashboards:name=orderflow-test");
    }

    // --- queues -----------------------------------------------------------------------------------------------

    @Test
    void everyQueue_isEncrypted_andHasADeadLetterQueueAndAnAgeAlarm() {
        List<Mocks.ResourceArgs> queues = stack.ofType(QUEUE);
        Set<String> deadLetterTargets = new HashSet<>();
        for (Mocks.ResourceArgs queue : queues) {
            assertThat(input(queue, "sqsManagedSseEnabled")).as(queue.name).isEqualTo(true);
            if (input(queue, "redrivePolicy") != null) {
                JsonNode redrive = json(queue, "redrivePolicy");
                deadLetterTargets.add(redrive.path("deadLetterTargetArn").asText());
                assertThat(redrive.path("maxReceiveCount").asInt()).isBetween(2, 10);
            }
        }
        // Every queue is either a dead-letter queue or has one.
        for (Mocks.ResourceArgs queue : queues) {
            String arn = "arn:aws:sqs:eu-west-1:123456789012:" + queue.name + "-mock";
            assertThat(deadLetterTargets.contains(arn) || input(queue, "redrivePolicy") != null)
                    .as(queue.name + " has a DLQ or is one").isTrue();
        }
        assertThat(deadLetterTargets).hasSize(1);

        Set<String> queuesWithAgeAlarm = stack.ofType(ALARM).stream()
                .filter(alarm -> "ApproximateAgeOfOldestMessage".equals(input(alarm, "metricName")))
                .map(alarm -> string(alarm, "dimensions", "QueueName"))
                .collect(Collectors.toSet());
        assertThat(queuesWithAgeAlarm).containsExactlyInAnyOrder("orders-mock", "orders-dlq-mock");
        assertThat(stack.ofType(ALARM)).anySatisfy(alarm -> {
            assertThat(input(alarm, "metricName")).isEqualTo("ApproximateNumberOfMessagesVisible");
            assertThat(input(alarm, "dimensions", "QueueName")).isEqualTo("orders-dlq-mock");
            assertThat(input(alarm, "threshold")).isEqualTo(0.0);
            assertThat(input(alarm, "comparisonOperator")).isEqualTo("GreaterThanThreshold");
        });
    }

    @Test
    void deadLetterQueue_acceptsOnlyTheOrdersQueue() {
        var allow = stack.one("aws:sqs/redriveAllowPolicy:RedriveAllowPolicy", "orders-dlq");
        JsonNode policy = json(allow, "redriveAllowPolicy");
        assertThat(policy.path("redrivePermission").asText()).isEqualTo("byQueue");
        assertThat(policy.path("sourceQueueArns").toString()).isEqualTo("[\"arn:aws:sqs:eu-west-1:123456789012:orders-mock\"]");
    }

    @Test
    void eventSourceMapping_reportsBatchItemFailures_withBatchesWindowAndConcurrencyCap() {
        var mapping = stack.one("aws:lambda/eventSourceMapping:EventSourceMapping", "poller");
        assertThat(input(mapping, "functionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
        assertThat(input(mapping, "batchSize")).isEqualTo(10.0);
        assertThat(input(mapping, "maximumBatchingWindowInSeconds")).isEqualTo(1.0);
        assertThat(input(mapping, "scalingConfig", "maximumConcurrency")).isEqualTo(10.0);
        assertThat(input(mapping, "eventSourceArn")).isEqualTo("arn:aws:sqs:eu-west-1:123456789012:orders-mock");
        // The poller's published SnapStart version, through its alias.
        assertThat(input(mapping, "functionName"))
                .isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:poller-mock:live");
    }

    @Test
    void queueVisibilityTimeout_fitsThePoller() {
        var queue = stack.one(QUEUE, "orders");
        double pollerTimeout = (Double) input(stack.one(FUNCTION, "poller"), "timeout");
        double window = (Double) input(stack.one("aws:lambda/eventSourceMapping:EventSourceMapping", "poller"),
                "maximumBatchingWindowInSeconds");
        assertThat((Double) input(queue, "visibilityTimeoutSeconds")).isGreaterThanOrEqualTo(6 * pollerTimeout + window);
    }

    // --- API --------------------------------------------------------------------------------------------------

    @Test
    void openApiBody_hasNoUnresolvedPlaceholder_andNamesTheDeployedResources() {
        String body = string(stack.one("aws:apigateway/restApi:RestApi", "orders"), "body");
        assertThat(body).doesNotContain("${");
        assertThat(body)
                .contains("arn:aws:apigateway:eu-west-1:sqs:path/123456789012/orders-mock")
                .contains("arn:aws:iam::123456789012:role/queue-sender-mock")
                .contains("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_mock")
                .contains("functions/arn:aws:lambda:eu-west-1:123456789012:function:orders-api-mock:live/invocations");
    }

    @Test
    void everyApiMethod_hasTheCognitoAuthorizer_withScopesTheResourceServerDefines() {
        JsonNode body = json(stack.one("aws:apigateway/restApi:RestApi", "orders"), "body");
        JsonNode scheme = body.path("components").path("securitySchemes").path("cognito");
        assertThat(scheme.path("x-amazon-apigateway-authtype").asText()).isEqualTo("cognito_user_pools");
        assertThat(scheme.path("x-amazon-apigateway-authorizer").path("providerARNs").toString())
                .isEqualTo("[\"arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_mock\"]");

        List<String> defined = Auth.scopes();
        List<String> methods = new ArrayList<>();
        body.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            methods.add(op.getKey() + " " + path.getKey());
            JsonNode security = op.getValue().path("security");
            assertThat(security.size()).as(op.getKey() + " " + path.getKey()).isEqualTo(1);
            JsonNode scopes = security.get(0).path("cognito");
            assertThat(scopes.isArray() && !scopes.isEmpty()).as("scopes of " + path.getKey()).isTrue();
            scopes.forEach(scope -> assertThat(defined).contains(scope.asText()));
        }));
        assertThat(methods).hasSize(5);
        assertThat(body.path("security").isMissingNode() || body.path("security").isEmpty()).isTrue();
    }

    @Test
    void stage_hasAccessLogsTracingAndThrottling() {
        var stage = stack.one("aws:apigateway/stage:Stage", "orders");
        assertThat(input(stage, "xrayTracingEnabled")).isEqualTo(true);
        assertThat(string(stage, "accessLogSettings", "destinationArn"))
                .isEqualTo("arn:aws:logs:eu-west-1:123456789012:log-group:/orderflow/test/api/access");
        assertThat(json(stage, "accessLogSettings", "format").path("requestId").asText()).isEqualTo("$context.requestId");
        var settings = stack.one("aws:apigateway/methodSettings:MethodSettings", "all-methods");
        assertThat(input(settings, "methodPath")).isEqualTo("*/*");
        assertThat(input(settings, "settings", "throttlingRateLimit")).isEqualTo(50.0);
        assertThat(input(settings, "settings", "throttlingBurstLimit")).isEqualTo(100.0);
        assertThat(input(settings, "settings", "dataTraceEnabled")).isEqualTo(false);
    }

    @Test
    void deployment_changesWithTheDocument() {
        var deployment = stack.one("aws:apigateway/deployment:Deployment", "orders");
        String body = string(stack.one("aws:apigateway/restApi:RestApi", "orders"), "body");
        assertThat(input(deployment, "triggers", "body")).isEqualTo(Api.sha256(body));
    }

    @Test
    void apiGateway_mayInvokeOrdersApi_onlyForTheRoutesThatProxyToIt() {
        List<Mocks.ResourceArgs> permissions = stack.ofType("aws:lambda/permission:Permission");
        assertThat(permissions).extracting(p -> string(p, "sourceArn")).containsExactlyInAnyOrder(
                "arn:aws:execute-api:eu-west-1:123456789012:orders-id/v1/GET/orders",
                "arn:aws:execute-api:eu-west-1:123456789012:orders-id/v1/GET/orders/*",
                "arn:aws:execute-api:eu-west-1:123456789012:orders-id/v1/DELETE/orders/*");
        assertThat(permissions).allSatisfy(p -> {
            assertThat(input(p, "principal")).isEqualTo("apigateway.amazonaws.com");
            assertThat(input(p, "qualifier")).isEqualTo("live");
        });
    }

    @Test
    void cognito_hasAMachineClientWithSecret_andAPkceClientWithTheConfiguredCallbacks() {
        var server = stack.one("aws:cognito/resourceServer:ResourceServer", "orders");
        assertThat(input(server, "identifier")).isEqualTo("orders");
        var machine = stack.one("aws:cognito/userPoolClient:UserPoolClient", "machine");
        assertThat(input(machine, "generateSecret")).isEqualTo(true);
        assertThat(input(machine, "allowedOauthFlows")).isEqualTo(List.of("client_credentials"));
        assertThat(input(machine, "allowedOauthScopes")).isEqualTo(List.of("orders/read", "orders/write"));
        var web = stack.one("aws:cognito/userPoolClient:UserPoolClient", "web");
        assertThat(input(web, "generateSecret")).isEqualTo(false);
        assertThat(input(web, "allowedOauthFlows")).isEqualTo(List.of("code"));
        assertThat(input(web, "callbackUrls"))
                .isEqualTo(List.of("https://app.example.com/callback", "http://localhost:3000/callback"));
        assertThat(list(input(web, "allowedOauthScopes"))).contains("openid", "orders/read", "orders/write");
        assertThat(input(stack.one("aws:cognito/userPool:UserPool", "users"), "deletionProtection")).isEqualTo("ACTIVE");
    }

    // --- IAM --------------------------------------------------------------------------------------------------

    @Test
    void iam_allowsNoWildcardAction_andAWildcardResourceOnlyForActionsWithoutResourceLevelPermissions() {
        List<String> documents = new ArrayList<>();
        stack.ofType(ROLE_POLICY).forEach(policy -> documents.add(string(policy, "policy")));
        assertThat(documents).hasSize(8);
        for (String document : documents) {
            for (JsonNode statement : Contracts.readJson(document).path("Statement")) {
                assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
                List<String> actions = texts(statement.path("Action"));
                List<String> resources = texts(statement.path("Resource"));
                assertThat(actions).isNotEmpty().noneMatch(action -> action.contains("*"));
                assertThat(resources).isNotEmpty();
                if (resources.contains("*")) {
                    assertThat(resources).containsExactly("*");
                    assertThat(Policy.ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS).containsAll(actions);
                } else {
                    assertThat(resources).allMatch(arn -> arn.startsWith("arn:aws:"), "ARNs");
                }
            }
        }
        // The only managed policy: API Gateway's account-wide logging role.
        assertThat(stack.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
                .extracting(a -> string(a, "policyArn")).containsExactly(Api.PUSH_TO_CLOUDWATCH_LOGS);
    }

    @Test
    void iam_wildcardAllowList_namesOnlyActionsThatAwsAuthorizesOnAnyResource() {
        assertThat(Policy.ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS).containsExactlyInAnyOrder(
                "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
                "xray:GetSamplingTargets", "logs:CreateLogDelivery", "logs:GetLogDelivery",
                "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
                "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
                "ecr:GetAuthorizationToken");
    }

    @Test
    void everyRole_isAssumableByOneServiceOnly() {
        for (Mocks.ResourceArgs role : stack.ofType("aws:iam/role:Role")) {
            JsonNode statements = json(role, "assumeRolePolicy").path("Statement");
            assertThat(statements.size()).as(role.name).isEqualTo(1);
            assertThat(statements.get(0).path("Principal").path("Service").asText()).as(role.name)
                    .endsWith(".amazonaws.com");
        }
    }

    @Test
    void eachRole_allowsOnlyWhatItsFunctionCalls() {
        String table = "arn:aws:dynamodb:eu-west-1:123456789012:table/";
        assertThat(grants("persist-order")).containsExactlyInAnyOrderEntriesOf(withOwnLogs("persist-order", Map.of(
                "dynamodb:PutItem", Set.of(table + "orders-mock"),
                "dynamodb:UpdateItem", Set.of(table + "orders-mock"),
                "dynamodb:GetItem", Set.of(table + "orders-mock"))));
        assertThat(grants("validate-order")).containsExactlyInAnyOrderEntriesOf(withOwnLogs("validate-order", Map.of(
                "dynamodb:Query", Set.of(table + "catalog-mock"))));
        assertThat(grants("orders-api")).containsExactlyInAnyOrderEntriesOf(withOwnLogs("orders-api", Map.of(
                "dynamodb:GetItem", Set.of(table + "orders-mock"),
                "dynamodb:UpdateItem", Set.of(table + "orders-mock"),
                "dynamodb:Query", Set.of(table + "orders-mock/index/" + OrdersTable.BY_CREATED_AT_INDEX))));
        String queue = "arn:aws:sqs:eu-west-1:123456789012:orders-mock";
        assertThat(grants("poller")).containsExactlyInAnyOrderEntriesOf(withOwnLogs("poller", Map.of(
                "sqs:ReceiveMessage", Set.of(queue),
                "sqs:DeleteMessage", Set.of(queue),
                "sqs:GetQueueAttributes", Set.of(queue),
                "sqs:ChangeMessageVisibility", Set.of(queue),
                "states:StartExecution", Set.of("arn:aws:states:eu-west-1:123456789012:stateMachine:workflow-mock"))));
        assertThat(grants("queue-sender")).containsExactly(Map.entry("sqs:SendMessage", Set.of(queue)));

        Map<String, Set<String>> workflow = grants("workflow");
        assertThat(workflow.get("lambda:InvokeFunction")).containsExactlyInAnyOrder(
                "arn:aws:lambda:eu-west-1:123456789012:function:validate-order-mock",
                "arn:aws:lambda:eu-west-1:123456789012:function:persist-order-mock");
        assertThat(workflow.keySet().stream().filter(action -> !action.equals("lambda:InvokeFunction")))
                .allMatch(Policy.ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS::contains);
    }

    @Test
    void buildRole_pushesOnlyToTheFunctionRepositories_andAssumesOnlyTheDeployRole() {
        Map<String, Set<String>> build = grants("build");
        assertThat(build.get("ecr:PutImage")).containsExactlyInAnyOrder(
                "arn:aws:ecr:eu-west-1:123456789012:repository/orderflow-test/validate-order",
                "arn:aws:ecr:eu-west-1:123456789012:repository/orderflow-test/persist-order");
        assertThat(build.get("sts:AssumeRole")).containsExactly(StackRun.DEPLOY_ROLE_ARN);
        assertThat(build.get("secretsmanager:GetSecretValue")).containsExactly(StackRun.PULUMI_SECRET_ARN);
        assertThat(grants("pipeline").get("codestar-connections:UseConnection")).containsExactly(StackRun.CONNECTION_ARN);
        // The name the deploy role's trust policy expects (README, one-time bootstrap).
        assertThat(input(stack.one("aws:iam/role:Role", "build"), "name")).isEqualTo("orderflow-test-codebuild");
    }

    // --- functions --------------------------------------------------------------------------------------------

    @Test
    void everyFunction_hasJsonLogsWithRetention_andActiveTracing() {
        Map<String, Mocks.ResourceArgs> logGroups = stack.ofType("aws:cloudwatch/logGroup:LogGroup").stream()
                .collect(Collectors.toMap(g -> string(g, "name"), Function.identity()));
        assertThat(stack.ofType(FUNCTION)).hasSize(4).allSatisfy(function -> {
            assertThat(input(function, "tracingConfig", "mode")).as(function.name).isEqualTo("Active");
            assertThat(input(function, "loggingConfig", "logFormat")).as(function.name).isEqualTo("JSON");
            var group = logGroups.get(string(function, "loggingConfig", "logGroup"));
            assertThat(group).as("log group of " + function.name).isNotNull();
            assertThat(input(group, "retentionInDays")).isEqualTo(30.0);
        });
        assertThat(logGroups.values()).allSatisfy(group ->
                assertThat(input(group, "retentionInDays")).as(group.name).isNotNull());
    }

    @Test
    void containerFunctions_runTheImagesTheConfigurationNames() {
        var validate = stack.one(FUNCTION, "validate-order");
        assertThat(input(validate, "packageType")).isEqualTo("Image");
        assertThat(input(validate, "imageUri")).isEqualTo(
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orderflow-test/validate-order:" + StackRun.VALIDATE_TAG);
        assertThat(input(validate, "imageConfig", "commands")).isEqualTo(List.of(FunctionEnvironment.VALIDATE_ORDER_HANDLER));
        var persist = stack.one(FUNCTION, "persist-order");
        assertThat(input(persist, "packageType")).isEqualTo("Image");
        assertThat(input(persist, "imageUri")).isEqualTo(
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orderflow-test/persist-order@" + StackRun.PERSIST_DIGEST);
        assertThat(input(persist, "imageConfig", "commands")).isEqualTo(List.of(FunctionEnvironment.PERSIST_ORDER_HANDLER));
    }

    @Test
    void zipFunctions_runJava25WithSnapStart_fromTheBuiltJars_throughTheirLiveAlias() {
        for (var entry : Map.of("poller", FunctionJars.POLLER, "orders-api", FunctionJars.ORDERS_API).entrySet()) {
            var function = stack.one(FUNCTION, entry.getKey());
            assertThat(input(function, "packageType")).isEqualTo("Zip");
            assertThat(input(function, "runtime")).isEqualTo("java25");
            assertThat(input(function, "publish")).isEqualTo(true);
            assertThat(input(function, "snapStart", "applyOn")).isEqualTo("PublishedVersions");
            assertThat(input(function, "code")).isInstanceOfSatisfying(com.pulumi.asset.FileArchive.class, code ->
                    assertThat(code.toString()).isNotNull());
            var alias = stack.one("aws:lambda/alias:Alias", entry.getKey());
            assertThat(input(alias, "name")).isEqualTo("live");
            assertThat(input(alias, "functionVersion")).isEqualTo("1");
            assertThat(entry.getValue().path().toString())
                    .matches("functions/" + entry.getKey() + "/target/orderflow-" + entry.getKey() + "-.+-function\\.jar");
        }
        assertThat(input(stack.one(FUNCTION, "poller"), "handler")).isEqualTo(FunctionEnvironment.POLLER_HANDLER);
        assertThat(input(stack.one(FUNCTION, "orders-api"), "handler")).isEqualTo(FunctionEnvironment.ORDERS_API_HANDLER);
    }

    @Test
    void everyFunction_hasTheConfiguredMemory() {
        for (Mocks.ResourceArgs function : stack.ofType(FUNCTION)) {
            assertThat(((Number) input(function, "memorySize")).intValue()).as(function.name)
                    .isEqualTo(StackConfig.DEFAULT_FUNCTION_MEMORY_MB);
        }
    }

    @Test
    void zipFunctions_startWithTheMeasuredJvmFlags_andTheImagesSetTheirsInTheirDockerfile() {
        for (Mocks.ResourceArgs function : stack.ofType(FUNCTION)) {
            Map<String, Object> variables = map(input(function, "environment", "variables"));
            if (function.name.equals("poller") || function.name.equals("orders-api")) {
                assertThat(variables).containsEntry(FunctionEnvironment.JAVA_TOOL_OPTIONS,
                        dev.orderflow.aws.startup.StartupFlags.JAVA_TOOL_OPTIONS);
            } else {
                assertThat(variables).doesNotContainKey(FunctionEnvironment.JAVA_TOOL_OPTIONS);
            }
        }
    }

    @Test
    void pageTokenKey_goesToOrdersApiOnly() {
        for (Mocks.ResourceArgs function : stack.ofType(FUNCTION)) {
            Object variables = input(function, "environment", "variables");
            if (function.name.equals("orders-api")) {
                assertThat(map(variables)).containsEntry(FunctionEnvironment.PAGE_TOKEN_KEY, StackRun.PAGE_TOKEN_KEY);
            } else {
                assertThat(map(variables)).doesNotContainKey(FunctionEnvironment.PAGE_TOKEN_KEY);
            }
        }
    }

    // --- workflow ---------------------------------------------------------------------------------------------

    @Test
    void stateMachine_invokesTheWorkflowFunctions_withLoggingAndTracing() {
        var machine = stack.one("aws:sfn/stateMachine:StateMachine", "workflow");
        String definition = string(machine, "definition");
        assertThat(definition).doesNotContain("${")
                .contains("\"arn:aws:lambda:eu-west-1:123456789012:function:persist-order-mock\"")
                .contains("\"arn:aws:lambda:eu-west-1:123456789012:function:validate-order-mock\"");
        assertThat(Contracts.readJson(definition).path("StartAt").asText()).isEqualTo("RecordChange");
        assertThat(input(machine, "type")).isEqualTo("STANDARD");
        assertThat(input(machine, "tracingConfiguration", "enabled")).isEqualTo(true);
        assertThat(input(machine, "loggingConfiguration", "level")).isEqualTo("ERROR");
        assertThat(string(machine, "loggingConfiguration", "logDestination")).isEqualTo(
                "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vendedlogs/states/orderflow-test-workflow:*");
        assertThat(stack.ofType(ALARM)).extracting(a -> string(a, "metricName"))
                .contains("ExecutionsFailed", "ExecutionsTimedOut");
    }

    // --- data -------------------------------------------------------------------------------------------------

    @Test
    void tables_areOnDemand_withPointInTimeRecoveryEncryptionAndDeletionProtection() {
        assertThat(stack.ofType("aws:dynamodb/table:Table")).hasSize(2).allSatisfy(table -> {
            assertThat(input(table, "billingMode")).isEqualTo("PAY_PER_REQUEST");
            assertThat(input(table, "pointInTimeRecovery", "enabled")).as(table.name).isEqualTo(true);
            assertThat(input(table, "serverSideEncryption", "enabled")).as(table.name).isEqualTo(true);
            assertThat(input(table, "deletionProtectionEnabled")).as(table.name).isEqualTo(true);
        });
    }

    @Test
    void tables_areKeyedAsTheRepositoriesExpect() {
        var orders = stack.one("aws:dynamodb/table:Table", "orders");
        assertThat(input(orders, "hashKey")).isEqualTo(OrdersTable.USER_ID);
        assertThat(input(orders, "rangeKey")).isEqualTo(OrdersTable.ORDER_ID);
        assertThat(input(orders, "ttl")).isEqualTo(Map.of("attributeName", OrdersTable.EXPIRES_AT, "enabled", true));
        assertThat(input(orders, "globalSecondaryIndexes")).isEqualTo(List.of(Map.of(
                "name", OrdersTable.BY_CREATED_AT_INDEX, "hashKey", OrdersTable.USER_ID,
                "rangeKey", OrdersTable.CREATED_KEY, "projectionType", "ALL")));
        var catalog = stack.one("aws:dynamodb/table:Table", "catalog");
        assertThat(input(catalog, "hashKey")).isEqualTo(CatalogTable.RESTAURANT_ID);
        assertThat(input(catalog, "rangeKey")).isEqualTo(CatalogTable.SORT_KEY);
    }

    // --- images -----------------------------------------------------------------------------------------------

    @Test
    void repositories_scanOnPush_keepTagsImmutable_andExpireOldImages() {
        assertThat(stack.ofType("aws:ecr/repository:Repository")).hasSize(2).allSatisfy(repository -> {
            assertThat(input(repository, "imageTagMutability")).isEqualTo("IMMUTABLE");
            assertThat(input(repository, "imageScanningConfiguration", "scanOnPush")).isEqualTo(true);
        });
        assertThat(stack.ofType("aws:ecr/lifecyclePolicy:LifecyclePolicy")).hasSize(2).allSatisfy(lifecycle -> {
            JsonNode rule = json(lifecycle, "policy").path("rules").get(0);
            assertThat(rule.path("selection").path("countType").asText()).isEqualTo("imageCountMoreThan");
            assertThat(rule.path("selection").path("countNumber").asInt()).isEqualTo(20);
            assertThat(rule.path("action").path("type").asText()).isEqualTo("expire");
        });
        assertThat(stack.ofType("aws:ecr/repositoryPolicy:RepositoryPolicy")).allSatisfy(policy -> {
            JsonNode statement = json(policy, "policy").path("Statement").get(0);
            assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("lambda.amazonaws.com");
            assertThat(texts(statement.path("Action")))
                    .containsExactlyInAnyOrder("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");
        });
    }

    // --- observability ----------------------------------------------------------------------------------------

    @Test
    void alarms_coverFunctionsWorkflowAndApi_andNotifyTheTopic() {
        List<Mocks.ResourceArgs> alarms = stack.ofType(ALARM);
        for (String function : List.of("poller", "validate-order", "persist-order", "orders-api")) {
            for (String metric : List.of("Errors", "Throttles")) {
                assertThat(alarms).as(function + " " + metric).anySatisfy(alarm -> {
                    assertThat(input(alarm, "metricName")).isEqualTo(metric);
                    assertThat(input(alarm, "dimensions", "FunctionName")).isEqualTo(function + "-mock");
                });
            }
        }
        assertThat(alarms).extracting(a -> string(a, "metricName")).contains("5XXError", "Latency");
        assertThat(alarms).allSatisfy(alarm ->
                assertThat(input(alarm, "alarmActions")).isEqualTo(List.of("arn:aws:sns:eu-west-1:123456789012:alarms-mock")));
        var email = stack.one("aws:sns/topicSubscription:TopicSubscription", "alarms-email");
        assertThat(input(email, "protocol")).isEqualTo("email");
        assertThat(input(email, "endpoint")).isEqualTo("ops@example.com");
        JsonNode dashboard = json(stack.one("aws:cloudwatch/dashboard:Dashboard", "orderflow"), "dashboardBody");
        assertThat(dashboard.path("widgets").size()).isEqualTo(5);
    }

    // --- delivery ---------------------------------------------------------------------------------------------

    @Test
    void pipeline_buildsFromTheGitHubConnection_withTheBuildspec() {
        var pipeline = stack.one("aws:codepipeline/pipeline:Pipeline", "orderflow");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stages = (List<Map<String, Object>>) input(pipeline, "stages");
        assertThat(stages).extracting(stage -> stage.get("name")).containsExactly("Source", "TestAndDeploy");
        Map<String, Object> source = map(list(stages.get(0).get("actions")).get(0));
        assertThat(source.get("provider")).isEqualTo("CodeStarSourceConnection");
        assertThat(map(source.get("configuration"))).containsEntry("ConnectionArn", StackRun.CONNECTION_ARN)
                .containsEntry("FullRepositoryId", "example/orderflow").containsEntry("BranchName", "main");
        var project = stack.one("aws:codebuild/project:Project", "build");
        assertThat(input(project, "source", "buildspec")).isEqualTo("buildspec.yml");
        assertThat(input(project, "environment", "privilegedMode")).isEqualTo(true);
        Map<String, Object> variables = new HashMap<>();
        list(input(project, "environment", "environmentVariables"))
                .forEach(variable -> variables.put((String) map(variable).get("name"), variable));
        assertThat(variables).containsKeys("PULUMI_STACK", "DEPLOY_ROLE_ARN", "VALIDATE_ORDER_REPOSITORY",
                "PERSIST_ORDER_REPOSITORY", "PULUMI_SECRET");
        assertThat(map(variables.get("PULUMI_SECRET"))).containsEntry("type", "SECRETS_MANAGER");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** Action -> resources granted by the inline policy of the role with this logical name. */
    private Map<String, Set<String>> grants(String role) {
        Map<String, Set<String>> grants = new HashMap<>();
        for (JsonNode statement : json(stack.one(ROLE_POLICY, role), "policy").path("Statement")) {
            for (String action : texts(statement.path("Action"))) {
                grants.computeIfAbsent(action, a -> new TreeSet<>()).addAll(texts(statement.path("Resource")));
            }
        }
        return grants;
    }

    private static Map<String, Set<String>> withOwnLogs(String function, Map<String, Set<String>> grants) {
        Map<String, Set<String>> all = new HashMap<>(grants);
        String logs = "arn:aws:logs:eu-west-1:123456789012:log-group:/orderflow/test/lambda/" + function + ":*";
        all.put("logs:CreateLogStream", Set.of(logs));
        all.put("logs:PutLogEvents", Set.of(logs));
        all.put("xray:PutTraceSegments", Set.of("*"));
        all.put("xray:PutTelemetryRecords", Set.of("*"));
        return all;
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
