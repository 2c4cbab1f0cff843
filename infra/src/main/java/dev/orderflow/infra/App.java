package dev.orderflow.infra;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetRegionArgs;
import com.pulumi.resources.ComponentResourceOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Orderflow on AWS, as one Pulumi program (Pulumi.yaml at the repository root names this module as {@code main}).
 * The components follow the request path: who may call (Auth), what is stored (Data), the images (Images), the
 * workflow and its functions (Workflow), the queue and its poller (Queueing), the rule that dead-letters the
 * orders the workflow could not record (UnrecordedExecutions), the HTTP API (Api), alarms and the
 * dashboard (Observability), and the pipeline that redeploys on every push (Delivery).
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    /** The deployment: configuration from the stack, jars from the repository this program runs in. */
    static void stack(Context ctx) {
        Path root = repositoryRoot(Path.of("").toAbsolutePath());
        FunctionJars.requireBuilt(root);
        stack(ctx, StackConfig.from(ConfigSource.of(ctx.config()), root));
    }

    /** Declares every resource and the stack outputs; tests call this with their own configuration. */
    static void stack(Context ctx, StackConfig config) {
        var env = new StackContext(ctx.projectName(), ctx.stackName(), config,
                AwsFunctions.getCallerIdentity().applyValue(identity -> identity.accountId()),
                AwsFunctions.getRegion(GetRegionArgs.builder().build()).applyValue(region -> region.name()));
        var none = ComponentResourceOptions.builder().build();

        var auth = new Auth(env, none);
        var data = new Data(env, none);
        var images = new Images(env, none);
        var workflow = new Workflow(env, data, images, none);
        var queueing = new Queueing(env, workflow, none);
        new UnrecordedExecutions(env, workflow, queueing, none);
        var api = new Api(env, auth, data, queueing, none);
        var observability = new Observability(env, queueing, workflow, api, none);
        Optional<Delivery> delivery = config.delivery().map(settings -> new Delivery(env, settings, images, none));

        ctx.export("apiUrl", api.stage().invokeUrl());
        ctx.export("tokenUrl", auth.tokenUrl());
        ctx.export("userPoolId", auth.userPool().id());
        ctx.export("machineClientId", auth.machineClient().id());
        ctx.export("machineClientSecret", auth.machineClient().clientSecret().asSecret());
        ctx.export("webClientId", auth.webClient().id());
        ctx.export("queueUrl", queueing.queue().url());
        ctx.export("deadLetterQueueUrl", queueing.deadLetterQueue().url());
        ctx.export("stateMachineArn", workflow.stateMachine().arn());
        ctx.export("ordersTableName", data.orders().name());
        ctx.export("catalogTableName", data.catalog().name());
        ctx.export("validateOrderRepositoryUrl", images.validateOrder().repositoryUrl());
        ctx.export("persistOrderRepositoryUrl", images.persistOrder().repositoryUrl());
        ctx.export("alarmTopicArn", observability.topic().arn());
        ctx.export("dashboardUrl", observability.dashboardUrl());
        delivery.ifPresent(pipeline -> ctx.export("pipelineName", pipeline.pipeline().name()));
    }

    /** The folder holding Pulumi.yaml: Pulumi runs the program in infra/, one level below it. */
    static Path repositoryRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("Pulumi.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No Pulumi.yaml in " + start + " or above: run pulumi from the repository");
    }
}
