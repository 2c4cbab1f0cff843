package dev.orderflow.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.orderflow.infra.StackRun.input;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program with the other choices its configuration offers: an EXPRESS workflow, no deletion protection,
 * SnapStart off, and no pipeline (no GitHub connection configured).
 */
class StackVariantsTest {

    private static StackRun stack;

    @BeforeAll
    static void run() {
        Map<String, String> config = new java.util.HashMap<>(StackRun.standardConfig());
        config.remove(StackConfig.GITHUB_CONNECTION_ARN);
        config.remove(StackConfig.ALARM_EMAIL);
        config.put(StackConfig.WORKFLOW_TYPE, "express");
        config.put(StackConfig.DELETION_PROTECTION, "false");
        config.put(StackConfig.SNAP_START, "false");
        config.put(StackConfig.IMAGES_TO_KEEP, "5");
        stack = StackRun.run(config);
    }

    @Test
    void expressWorkflow_isDeployedAsExpress() {
        assertThat(stack.errors).isEmpty();
        assertThat(input(stack.one("aws:sfn/stateMachine:StateMachine", "workflow"), "type")).isEqualTo("EXPRESS");
    }

    @Test
    void deletionProtection_off_reachesTablesAndUserPool() {
        assertThat(stack.ofType("aws:dynamodb/table:Table"))
                .allSatisfy(table -> assertThat(input(table, "deletionProtectionEnabled")).isEqualTo(false));
        assertThat(input(stack.one("aws:cognito/userPool:UserPool", "users"), "deletionProtection"))
                .isEqualTo("INACTIVE");
    }

    @Test
    void withoutSnapStart_zipFunctionsPublishNoVersion_andCallersUseTheFunction() {
        assertThat(stack.ofType("aws:lambda/alias:Alias")).isEmpty();
        var poller = stack.one("aws:lambda/function:Function", "poller");
        assertThat(input(poller, "snapStart")).isNull();
        assertThat(input(poller, "publish")).isEqualTo(false);
        assertThat(input(stack.one("aws:lambda/eventSourceMapping:EventSourceMapping", "poller"), "functionName"))
                .isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:poller-mock");
        assertThat(stack.ofType("aws:lambda/permission:Permission"))
                .allSatisfy(permission -> assertThat(input(permission, "qualifier")).isNull());
    }

    @Test
    void withoutAGitHubConnection_thereIsNoPipeline_andWithoutAnEmailNoSubscription() {
        assertThat(stack.ofType("aws:codepipeline/pipeline:Pipeline")).isEmpty();
        assertThat(stack.ofType("aws:codebuild/project:Project")).isEmpty();
        assertThat(stack.outputs).doesNotContainKey("pipelineName");
        assertThat(stack.ofType("aws:sns/topicSubscription:TopicSubscription")).isEmpty();
    }

    @Test
    void imagesToKeep_reachesTheLifecyclePolicies() {
        assertThat(stack.ofType("aws:ecr/lifecyclePolicy:LifecyclePolicy")).allSatisfy(policy ->
                assertThat(StackRun.json(policy, "policy").path("rules").get(0).path("selection")
                        .path("countNumber").asInt()).isEqualTo(5));
    }
}
