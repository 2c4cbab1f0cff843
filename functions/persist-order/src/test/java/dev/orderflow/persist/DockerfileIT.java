package dev.orderflow.persist;

import dev.orderflow.testing.Dockerfiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs after {@code package}: the image would be built from what this module really produces. */
class DockerfileIT {

    private final Dockerfiles dockerfile = Dockerfiles.read(Path.of("Dockerfile"));

    @Test
    void dockerfile_buildsOnTheJava25LambdaBaseImage() {
        assertThat(dockerfile.baseImage()).isEqualTo("public.ecr.aws/lambda/java:25");
    }

    @Test
    void dockerfile_copiesExactlyOneBuiltFunctionJar_thatContainsTheHandlerItStarts() throws IOException {
        assertThat(dockerfile.copySources()).hasSize(1);
        List<Path> jars = Dockerfiles.matches(Path.of("."), dockerfile.copySources().getFirst());
        assertThat(jars).hasSize(1);
        assertThat(dockerfile.handler()).isEqualTo(PersistOrderHandler.class.getName() + "::handleRequest");
        try (JarFile jar = new JarFile(jars.getFirst().toFile())) {
            assertThat(jar.getEntry(PersistOrderHandler.class.getName().replace('.', '/') + ".class")).isNotNull();
            assertThat(jar.getEntry("software/amazon/awssdk/services/dynamodb/DynamoDbClient.class")).isNotNull();
            assertThat(jar.getEntry("software/amazon/awssdk/http/apache/ApacheHttpClient.class")).isNull();
            assertThat(jar.getEntry("software/amazon/awssdk/http/nio/netty/NettyNioAsyncHttpClient.class")).isNull();
        }
    }
}
