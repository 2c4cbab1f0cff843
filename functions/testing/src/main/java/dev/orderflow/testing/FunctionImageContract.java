package dev.orderflow.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a container-image function's {@code Dockerfile} must do, checked after {@code package} (as an {@code *IT})
 * against what the module really built: the image would start the right handler from the right jar, from an AOT
 * cache trained on that jar, with the flags every function is deployed with.
 */
public abstract class FunctionImageContract {

    private static final String JAR_IN_IMAGE = Dockerfiles.TASK_ROOT_VARIABLE + "/lib/function.jar";
    /** In orderflow-aws, which every function has and which tests this module (so named, not imported). */
    private static final String TRAINING_MAIN = "dev.orderflow.aws.startup.AotTraining";
    private static final String STARTUP_FLAGS = "dev.orderflow.aws.startup.StartupFlags";

    private final Dockerfiles dockerfile = Dockerfiles.read(Path.of("Dockerfile"));

    protected abstract Class<?> handler();

    @Test
    void dockerfile_buildsOnTheJava25LambdaBaseImage() {
        assertThat(dockerfile.baseImage()).isEqualTo("public.ecr.aws/lambda/java:25");
    }

    @Test
    void dockerfile_copiesExactlyOneBuiltFunctionJar_thatContainsTheHandlerItStarts() throws IOException {
        assertThat(dockerfile.copySources()).hasSize(1);
        assertThat(dockerfile.copyDestinations()).containsExactly(JAR_IN_IMAGE);
        List<Path> jars = Dockerfiles.matches(Path.of("."), dockerfile.copySources().getFirst());
        assertThat(jars).hasSize(1);
        assertThat(dockerfile.handler()).isEqualTo(handler().getName() + "::handleRequest");
        try (JarFile jar = new JarFile(jars.getFirst().toFile())) {
            assertThat(jar.getEntry(handler().getName().replace('.', '/') + ".class")).isNotNull();
            assertThat(jar.getEntry("software/amazon/awssdk/services/dynamodb/DynamoDbClient.class")).isNotNull();
            assertThat(jar.getEntry("software/amazon/awssdk/http/apache/ApacheHttpClient.class")).isNull();
            assertThat(jar.getEntry("software/amazon/awssdk/http/nio/netty/NettyNioAsyncHttpClient.class")).isNull();
        }
    }

    private static String startupFlags() {
        try {
            return (String) Class.forName(STARTUP_FLAGS).getField("JAVA_TOOL_OPTIONS").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(STARTUP_FLAGS + " is not on the class path", e);
        }
    }

    @Test
    void dockerfile_trainsItsAotCache_onTheCopiedJar_withATrainingEventTheJarHolds() throws IOException {
        assertThat(dockerfile.trainingRun()).isPresent();
        List<String> command = Dockerfiles.words(dockerfile.trainingRun().get());
        assertThat(command.getFirst()).isEqualTo("/var/lang/bin/java");
        assertThat(command).contains("-XX:AOTCacheOutput=" + Dockerfiles.TASK_ROOT_VARIABLE + "/function.aot");
        assertThat(command).containsSequence("-cp", JAR_IN_IMAGE, TRAINING_MAIN, handler().getName());
        assertThat(String.join(" ", command)).contains(startupFlags());
        String event = command.getLast();
        try (JarFile jar = new JarFile(Dockerfiles.matches(Path.of("."), dockerfile.copySources().getFirst())
                .getFirst().toFile())) {
            assertThat(jar.getEntry(event)).as("training event " + event).isNotNull();
            assertThat(jar.getEntry(TRAINING_MAIN.replace('.', '/') + ".class")).isNotNull();
        }
    }

    @Test
    void dockerfile_startsFromTheCache_withTheDeployedFlags_andTheJarFirstOnTheClassPath() {
        assertThat(dockerfile.javaToolOptions()).contains(startupFlags()
                + " -XX:AOTCache=" + Dockerfiles.TASK_ROOT_VARIABLE + "/function.aot");
        assertThat(dockerfile.entrypoint()).containsExactly("/var/lang/bin/java", "-cp",
                Dockerfiles.TASK_ROOT + "/lib/function.jar:/var/runtime/lib/*",
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
    }
}
