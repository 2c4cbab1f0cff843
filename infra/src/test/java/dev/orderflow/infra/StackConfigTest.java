package dev.orderflow.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.pulumi.test.PulumiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConfigTest {

    private static final Path ROOT = Path.of("/repo");
    /** The module's folder: Maven runs tests in it. */
    private static final Path INFRA = Path.of("").toAbsolutePath();

    @AfterAll
    static void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void defaults_areTheDocumentedOnes() {
        StackConfig config = StackConfig.from(TestConfig.of(Map.of(
                "validateOrderImage", "abc", "persistOrderImage", "def", "pageTokenKey", StackRun.PAGE_TOKEN_KEY)), ROOT);
        assertThat(config.workflowType()).isEqualTo(StackConfig.WorkflowType.STANDARD);
        assertThat(config.deletionProtection()).isTrue();
        assertThat(config.logRetentionDays()).isEqualTo(30);
        assertThat(config.imagesToKeep()).isEqualTo(20);
        assertThat(config.snapStart()).isTrue();
        assertThat(config.zipFunctionsAwsVersion()).contains(StackConfig.DEFAULT_ZIP_FUNCTIONS_AWS_VERSION);
        assertThat(config.delivery()).isEmpty();
        assertThat(config.alarmEmail()).isEmpty();
        assertThat(config.callbackUrls()).containsExactly("http://localhost:3000/callback");
    }

    @Test
    void missingImage_namesTheKey() {
        assertThatThrownBy(() -> StackConfig.from(TestConfig.of(Map.of("persistOrderImage", "def")), ROOT))
                .hasMessageContaining("orderflow:validateOrderImage");
    }

    @Test
    void image_isATagOrADigest_neverAnythingElse() {
        Map<String, String> values = new HashMap<>(StackRun.standardConfig());
        values.put("validateOrderImage", "latest; rm -rf /");
        assertThatThrownBy(() -> StackConfig.from(TestConfig.of(values), ROOT))
                .hasMessageContaining("orderflow:validateOrderImage").hasMessageContaining("neither an image tag");
        assertThat(StackConfig.imageReference("repo", "3f2a1c9")).isEqualTo("repo:3f2a1c9");
        assertThat(StackConfig.imageReference("repo", StackRun.PERSIST_DIGEST)).isEqualTo("repo@" + StackRun.PERSIST_DIGEST);
    }

    @Test
    void invalidValues_nameTheirKey() {
        for (var entry : Map.of("workflowType", "LAMBDA", "logRetentionDays", "31", "deletionProtection", "yes",
                "pollerBatchSize", "11", "pollerMaxConcurrency", "1", "authDomainPrefix", "Has_Upper").entrySet()) {
            Map<String, String> values = new HashMap<>(StackRun.standardConfig());
            values.put(entry.getKey(), entry.getValue());
            assertThatThrownBy(() -> StackConfig.from(TestConfig.of(values), ROOT)).as(entry.getKey())
                    .hasMessageContaining("orderflow:" + entry.getKey());
        }
    }

    @Test
    void delivery_needsItsRepositoryDeployRoleAndSecret() {
        Map<String, String> values = new HashMap<>(StackRun.standardConfig());
        values.remove("deployRoleArn");
        assertThatThrownBy(() -> StackConfig.from(TestConfig.of(values), ROOT))
                .hasMessageContaining("orderflow:deployRoleArn");
    }

    @Test
    void shortPageTokenKey_failsTheDeployment() {
        Map<String, String> values = new HashMap<>(StackRun.standardConfig());
        values.put("pageTokenKey", java.util.Base64.getEncoder().encodeToString(new byte[16]));
        StackRun run = StackRun.run(values);
        assertThat(String.join("\n", run.errors)).contains("orderflow:pageTokenKey").contains("at least 32 bytes");
    }

    /** The example stack file is the README's: it sets only keys the program reads, and the program accepts it. */
    @Test
    void exampleStackFile_parses_andDocumentsOnlyRealKeys() throws IOException {
        JsonNode example = new YAMLMapper().readTree(INFRA.resolve("examples/Pulumi.dev.yaml").toFile());
        Map<String, String> values = new HashMap<>();
        TreeSet<String> keys = new TreeSet<>();
        for (Map.Entry<String, JsonNode> entry : example.path("config").properties()) {
            if (entry.getKey().startsWith("orderflow:")) {
                String key = entry.getKey().substring("orderflow:".length());
                keys.add(key);
                JsonNode value = entry.getValue();
                values.put(key, value.isContainerNode() ? value.toString() : value.asText());
            }
        }
        assertThat(StackConfig.KEYS).containsAll(keys);
        // The secret is set with `pulumi config set --secret`, never written in the example.
        assertThat(keys).doesNotContain(StackConfig.PAGE_TOKEN_KEY);
        values.put(StackConfig.PAGE_TOKEN_KEY, StackRun.PAGE_TOKEN_KEY);
        StackConfig config = StackConfig.from(TestConfig.of(values), ROOT);
        assertThat(config.delivery()).isPresent();
    }

    @Test
    void readme_documentsEveryKey() throws IOException {
        String readme = Files.readString(App.repositoryRoot(INFRA).resolve("README.md"));
        for (String key : StackConfig.KEYS) {
            assertThat(readme).as(key).contains("`orderflow:" + key + "`");
        }
    }

    @Test
    void repositoryRoot_isWherePulumiYamlIs() {
        Path root = App.repositoryRoot(INFRA);
        assertThat(root.resolve("Pulumi.yaml")).isRegularFile();
        assertThat(root.resolve("infra")).isEqualTo(INFRA);
    }

    @Test
    void missingJars_sayHowToBuildThem() throws IOException {
        Path empty = Files.createTempDirectory("no-jars");
        assertThatThrownBy(() -> FunctionJars.requireBuilt(empty))
                .hasMessageContaining("functions/poller/target/orderflow-poller-")
                .hasMessageContaining("mvn -B install -DskipTests");
    }
}
