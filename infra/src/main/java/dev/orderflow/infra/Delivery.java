package dev.orderflow.infra;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.codebuild.Project;
import com.pulumi.aws.codebuild.ProjectArgs;
import com.pulumi.aws.codebuild.inputs.ProjectArtifactsArgs;
import com.pulumi.aws.codebuild.inputs.ProjectEnvironmentArgs;
import com.pulumi.aws.codebuild.inputs.ProjectEnvironmentEnvironmentVariableArgs;
import com.pulumi.aws.codebuild.inputs.ProjectLogsConfigArgs;
import com.pulumi.aws.codebuild.inputs.ProjectLogsConfigCloudwatchLogsArgs;
import com.pulumi.aws.codebuild.inputs.ProjectSourceArgs;
import com.pulumi.aws.codepipeline.Pipeline;
import com.pulumi.aws.codepipeline.PipelineArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineArtifactStoreArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageActionArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Redeploys on every push: a CodePipeline whose source is the GitHub repository (through a CodeStar connection)
 * and whose one build runs {@code buildspec.yml} in CodeBuild. The build tests, pushes the two function images
 * tagged with the commit, and runs {@code pulumi up} with those tags as the deploy role, so this program stays the
 * one description of the deployment. The build's own role can only push to the two repositories, read the Pulumi
 * secret, write its logs and artifacts, and assume the deploy role.
 */
final class Delivery extends ComponentResource {

    /** The CodeBuild image: Amazon Linux 2023 with Docker, the AWS CLI and Maven. */
    static final String BUILD_IMAGE = "aws/codebuild/amazonlinux-x86_64-standard:5.0";

    private static final List<String> ECR_PUSH_ACTIONS = List.of(
            "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
            "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage", "ecr:DescribeImages");

    private final Pipeline pipeline;

    Delivery(StackContext env, StackConfig.Delivery settings, Images images, ComponentResourceOptions options) {
        super("orderflow:delivery:Delivery", "delivery", options);
        var child = CustomResourceOptions.builder().parent(this).build();

        var artifacts = new BucketV2("artifacts", BucketV2Args.builder().forceDestroy(true).build(), child);
        new BucketServerSideEncryptionConfigurationV2("artifacts", BucketServerSideEncryptionConfigurationV2Args.builder()
                .bucket(artifacts.id())
                .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                        .applyServerSideEncryptionByDefault(
                                BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs
                                        .builder().sseAlgorithm("AES256").build())
                        .build())
                .build(), child);
        new BucketPublicAccessBlock("artifacts", BucketPublicAccessBlockArgs.builder()
                .bucket(artifacts.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), child);
        Output<String> artifactObjects = artifacts.arn().applyValue(arn -> arn + "/*");

        var buildLogs = new LogGroup("build", LogGroupArgs.builder()
                .name(env.logGroupName("delivery", "build"))
                .retentionInDays(env.config().logRetentionDays())
                .build(), child);

        // A fixed name: the deploy role's trust policy names it before it exists (README, one-time bootstrap).
        var buildRole = new Role("build", RoleArgs.builder()
                .name(buildRoleName(env))
                .description("Orderflow CodeBuild: test, push images, assume the deploy role")
                .assumeRolePolicy(Policy.assumableBy("codebuild.amazonaws.com", env.accountId()))
                .build(), child);
        var buildPolicy = new RolePolicy("build", RolePolicyArgs.builder()
                .role(buildRole.id())
                .policy(Policy.document(List.of(
                        Policy.allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                buildLogs.arn().applyValue(arn -> arn + ":*")),
                        Policy.allow(List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"), artifactObjects),
                        Policy.allow(List.of("s3:GetBucketAcl", "s3:GetBucketLocation"), artifacts.arn()),
                        Policy.onAnyResource(List.of("ecr:GetAuthorizationToken")),
                        Policy.allow(ECR_PUSH_ACTIONS,
                                List.of(images.validateOrder().arn(), images.persistOrder().arn())),
                        Policy.allow(List.of("secretsmanager:GetSecretValue"), Output.of(settings.pulumiSecretArn())),
                        Policy.allow(List.of("sts:AssumeRole"), Output.of(settings.deployRoleArn())))))
                .build(), child);

        List<ProjectEnvironmentEnvironmentVariableArgs> variables = new ArrayList<>(List.of(
                plain("PULUMI_STACK", Output.of(env.stack())),
                plain("DEPLOY_ROLE_ARN", Output.of(settings.deployRoleArn())),
                plain("VALIDATE_ORDER_REPOSITORY", images.validateOrder().repositoryUrl()),
                plain("PERSIST_ORDER_REPOSITORY", images.persistOrder().repositoryUrl()),
                ProjectEnvironmentEnvironmentVariableArgs.builder()
                        .name("PULUMI_SECRET")
                        .type("SECRETS_MANAGER")
                        .value(settings.pulumiSecretArn())
                        .build()));
        settings.pulumiBackendUrl().ifPresent(url -> variables.add(plain("PULUMI_BACKEND_URL", Output.of(url))));

        var project = new Project("build", ProjectArgs.builder()
                .description("Orderflow: tests, function images, pulumi up (buildspec.yml)")
                .serviceRole(buildRole.arn())
                .buildTimeout(60)
                .source(ProjectSourceArgs.builder().type("CODEPIPELINE").buildspec("buildspec.yml").build())
                .artifacts(ProjectArtifactsArgs.builder().type("CODEPIPELINE").build())
                .environment(ProjectEnvironmentArgs.builder()
                        .type("LINUX_CONTAINER")
                        .computeType("BUILD_GENERAL1_MEDIUM")
                        .image(BUILD_IMAGE)
                        // Docker builds the function images.
                        .privilegedMode(true)
                        .environmentVariables(variables)
                        .build())
                .logsConfig(ProjectLogsConfigArgs.builder()
                        .cloudwatchLogs(ProjectLogsConfigCloudwatchLogsArgs.builder()
                                .groupName(buildLogs.name())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(buildPolicy).build());

        var pipelineRole = new Role("pipeline", RoleArgs.builder()
                .description("Orderflow CodePipeline: fetch the source, start the build")
                .assumeRolePolicy(Policy.assumableBy("codepipeline.amazonaws.com"))
                .build(), child);
        var pipelinePolicy = new RolePolicy("pipeline", RolePolicyArgs.builder()
                .role(pipelineRole.id())
                .policy(Policy.document(List.of(
                        Policy.allow(List.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"), artifactObjects),
                        Policy.allow(List.of("s3:GetBucketVersioning", "s3:GetBucketLocation"), artifacts.arn()),
                        Policy.allow(List.of("codestar-connections:UseConnection", "codeconnections:UseConnection"),
                                Output.of(settings.githubConnectionArn())),
                        Policy.allow(List.of("codebuild:StartBuild", "codebuild:BatchGetBuilds"), project.arn()))))
                .build(), child);

        this.pipeline = new Pipeline("orderflow", PipelineArgs.builder()
                .pipelineType("V2")
                .roleArn(pipelineRole.arn())
                .artifactStores(PipelineArtifactStoreArgs.builder().type("S3").location(artifacts.bucket()).build())
                .stages(
                        PipelineStageArgs.builder().name("Source").actions(PipelineStageActionArgs.builder()
                                .name("GitHub")
                                .category("Source")
                                .owner("AWS")
                                .provider("CodeStarSourceConnection")
                                .version("1")
                                .outputArtifacts("source")
                                .configuration(Map.of(
                                        "ConnectionArn", settings.githubConnectionArn(),
                                        "FullRepositoryId", settings.githubRepository(),
                                        "BranchName", settings.githubBranch(),
                                        "OutputArtifactFormat", "CODE_ZIP",
                                        "DetectChanges", "true"))
                                .build()).build(),
                        PipelineStageArgs.builder().name("TestAndDeploy").actions(PipelineStageActionArgs.builder()
                                .name("BuildAndPulumiUp")
                                .category("Build")
                                .owner("AWS")
                                .provider("CodeBuild")
                                .version("1")
                                .inputArtifacts("source")
                                .configuration(project.name().applyValue(name -> Map.of("ProjectName", name)))
                                .build()).build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(pipelinePolicy).build());

        registerOutputs(Map.of("pipelineName", pipeline.name(), "buildProjectName", project.name()));
    }

    /** {@code orderflow-<stack>-codebuild}. */
    static String buildRoleName(StackContext env) {
        return env.prefix() + "-codebuild";
    }

    private static ProjectEnvironmentEnvironmentVariableArgs plain(String name, Output<String> value) {
        return ProjectEnvironmentEnvironmentVariableArgs.builder().name(name).type("PLAINTEXT").value(value).build();
    }

    Pipeline pipeline() {
        return pipeline;
    }
}
