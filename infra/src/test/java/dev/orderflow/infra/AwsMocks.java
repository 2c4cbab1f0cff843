package dev.orderflow.infra;

import com.pulumi.test.Mocks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pulumi's engine, mocked: every resource is "created" with its inputs as its state plus the attributes AWS would
 * compute (ARNs, URLs, names), shaped as AWS shapes them, so that the policies and documents built from them can
 * be checked. Records every registration for the tests to inspect.
 */
final class AwsMocks implements Mocks {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";

    final List<ResourceArgs> registered = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        registered.add(args);
        Map<String, Object> state = new HashMap<>(args.inputs);
        String name = String.valueOf(args.inputs.getOrDefault("name", args.name + "-mock"));
        state.putIfAbsent("name", name);
        String prefix = ":" + REGION + ":" + ACCOUNT + ":";
        switch (args.type) {
            case "aws:sqs/queue:Queue" -> {
                state.put("arn", "arn:aws:sqs" + prefix + name);
                state.put("url", "https://sqs." + REGION + ".amazonaws.com/" + ACCOUNT + "/" + name);
            }
            case "aws:lambda/function:Function" -> {
                state.put("arn", "arn:aws:lambda" + prefix + "function:" + name);
                state.put("version", "1");
            }
            case "aws:lambda/alias:Alias" -> state.put("arn",
                    "arn:aws:lambda" + prefix + "function:" + args.inputs.get("functionName") + ":" + name);
            case "aws:cloudwatch/logGroup:LogGroup" -> state.put("arn", "arn:aws:logs" + prefix + "log-group:" + name);
            case "aws:dynamodb/table:Table" -> state.put("arn", "arn:aws:dynamodb" + prefix + "table/" + name);
            case "aws:iam/role:Role" -> state.put("arn", "arn:aws:iam::" + ACCOUNT + ":role/" + name);
            case "aws:cognito/userPool:UserPool" ->
                    state.put("arn", "arn:aws:cognito-idp" + prefix + "userpool/" + REGION + "_mock");
            case "aws:cognito/resourceServer:ResourceServer" -> {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> scopes = (List<Map<String, Object>>) args.inputs.get("scopes");
                state.put("scopeIdentifiers", scopes.stream()
                        .map(scope -> args.inputs.get("identifier") + "/" + scope.get("scopeName")).toList());
            }
            case "aws:cognito/userPoolClient:UserPoolClient" -> state.put("clientSecret", "mock-client-secret");
            case "aws:apigateway/restApi:RestApi" ->
                    state.put("executionArn", "arn:aws:execute-api" + prefix + args.name + "-id");
            case "aws:apigateway/stage:Stage" -> state.put("invokeUrl",
                    "https://orders-id.execute-api." + REGION + ".amazonaws.com/" + args.inputs.get("stageName"));
            case "aws:sfn/stateMachine:StateMachine" ->
                    state.put("arn", "arn:aws:states" + prefix + "stateMachine:" + name);
            case "aws:ecr/repository:Repository" -> {
                state.put("arn", "arn:aws:ecr" + prefix + "repository/" + name);
                state.put("repositoryUrl", ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/" + name);
            }
            case "aws:s3/bucketV2:BucketV2" -> {
                state.put("bucket", name);
                state.put("arn", "arn:aws:s3:::" + name);
            }
            case "aws:sns/topic:Topic" -> state.put("arn", "arn:aws:sns" + prefix + name);
            case "aws:codebuild/project:Project" -> state.put("arn", "arn:aws:codebuild" + prefix + "project/" + name);
            default -> state.putIfAbsent("arn", "arn:aws:mock" + prefix + args.type + "/" + name);
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return CompletableFuture.completedFuture(switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of(
                    "accountId", ACCOUNT, "arn", "arn:aws:iam::" + ACCOUNT + ":user/test", "userId", "test", "id", ACCOUNT);
            case "aws:index/getRegion:getRegion" -> Map.of(
                    "name", REGION, "id", REGION, "description", "Europe (Ireland)", "endpoint", "ec2.eu-west-1.amazonaws.com");
            default -> throw new IllegalArgumentException("Unexpected call " + args.token);
        });
    }
}
