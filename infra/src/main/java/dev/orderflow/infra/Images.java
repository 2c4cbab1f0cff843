package dev.orderflow.infra;

import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.RepositoryPolicy;
import com.pulumi.aws.ecr.RepositoryPolicyArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * The ECR repositories of the two container-image functions: scanned on push, tags immutable (a tag is a commit,
 * so it always means the same image), the last {@code imagesToKeep} images kept. Their names are fixed
 * ({@code orderflow-<stack>/validate-order}) so that the build can push to them by name.
 */
final class Images extends ComponentResource {

    static final String VALIDATE_ORDER = "validate-order";
    static final String PERSIST_ORDER = "persist-order";

    private final Repository validateOrder;
    private final Repository persistOrder;

    Images(StackContext env, ComponentResourceOptions options) {
        super("orderflow:images:Images", "images", options);
        this.validateOrder = repository(VALIDATE_ORDER, env);
        this.persistOrder = repository(PERSIST_ORDER, env);
        registerOutputs(Map.of(
                "validateOrderRepositoryUrl", validateOrder.repositoryUrl(),
                "persistOrderRepositoryUrl", persistOrder.repositoryUrl()));
    }

    static String repositoryName(StackContext env, String function) {
        return env.prefix() + "/" + function;
    }

    private Repository repository(String function, StackContext env) {
        var child = CustomResourceOptions.builder().parent(this).build();
        var repository = new Repository(function, RepositoryArgs.builder()
                .name(repositoryName(env, function))
                .imageTagMutability("IMMUTABLE")
                .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                .build(), child);
        new LifecyclePolicy(function, LifecyclePolicyArgs.builder()
                .repository(repository.name())
                .policy(Policy.write(Map.of("rules", List.of(Map.of(
                        "rulePriority", 1,
                        "description", "Keep the last " + env.config().imagesToKeep() + " images",
                        "selection", Map.of(
                                "tagStatus", "any",
                                "countType", "imageCountMoreThan",
                                "countNumber", env.config().imagesToKeep()),
                        "action", Map.of("type", "expire"))))))
                .build(), child);
        // Lambda pulls the image with its service principal, for this function only (Pulumi names it <function>-<suffix>).
        new RepositoryPolicy(function, RepositoryPolicyArgs.builder()
                .repository(repository.name())
                .policy(Output.tuple(env.region(), env.accountId()).applyValue(where -> Policy.write(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(Map.of(
                                "Sid", "LambdaPull",
                                "Effect", "Allow",
                                "Principal", Map.of("Service", "lambda.amazonaws.com"),
                                "Action", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                                "Condition", Map.of("StringLike", Map.of("aws:sourceArn",
                                        "arn:aws:lambda:" + where.t1 + ":" + where.t2 + ":function:" + function + "-*"))))))))
                .build(), child);
        return repository;
    }

    Repository validateOrder() {
        return validateOrder;
    }

    Repository persistOrder() {
        return persistOrder;
    }

    /** The image a function runs: the configured tag or digest in its repository. */
    static Output<String> image(Repository repository, String tagOrDigest) {
        return repository.repositoryUrl().applyValue(url -> StackConfig.imageReference(url, tagOrDigest));
    }
}
