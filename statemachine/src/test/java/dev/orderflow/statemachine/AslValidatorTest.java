package dev.orderflow.statemachine;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployed definition passes asl-validator, an independent States Language checker that knows JSONata states
 * (pinned in package.json and package-lock.json). Runs where node is on the PATH and {@code npm ci} has been run in
 * {@code statemachine/}; skipped elsewhere.
 */
class AslValidatorTest {

    private static final Path VALIDATOR = Path.of(System.getProperty("basedir", ""))
            .resolve("node_modules/asl-validator/dist/bin/asl-validator.js");

    @Test
    void deployedDefinition_passesAslValidator(@TempDir Path dir) throws Exception {
        Optional<Path> node = executableOnPath("node");
        assumeTrue(node.isPresent(), "node is not on the PATH");
        assumeTrue(Files.isRegularFile(VALIDATOR), "asl-validator is not installed: run npm ci in statemachine/");
        Path definition = Files.writeString(dir.resolve("order-workflow.asl.json"), OrderWorkflow.substituted());
        Path report = dir.resolve("asl-validator.txt");

        Process validator = new ProcessBuilder(
                        node.orElseThrow().toString(), VALIDATOR.toString(), "--json-path", definition.toString())
                .redirectErrorStream(true)
                .redirectOutput(report.toFile())
                .start();
        boolean finished = validator.waitFor(60, SECONDS);
        if (!finished) {
            validator.destroyForcibly();
        }

        assertThat(finished).as("asl-validator finished within 60 s").isTrue();
        assertThat(validator.exitValue()).as(Files.readString(report)).isZero();
    }

    private static Optional<Path> executableOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
