package dev.orderflow.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a container-image function's {@code Dockerfile} must do, checked after {@code package} (as an {@code *IT})
 * against what the module really built: the image would start the right handler from the right jar.
 */
public abstract class FunctionImageContract {

    private final Dockerfiles dockerfile = Dockerfiles.read(Path.of("Dockerfile"));

    protected abstract Class<?> handler();

    @Test
    void dockerfile_buildsOnTheJava25LambdaBaseImage() {
        assertThat(dockerfile.baseImage()).isEqualTo("public.ecr.aws/lambda/java:25");
    }

    @Test
    void dockerfile_copiesExactlyOneBuiltFunctionJar_thatContainsTheHandlerItStarts() throws IOException {
        assertThat(dockerfile.copySources()).hasSize(1);
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
}
