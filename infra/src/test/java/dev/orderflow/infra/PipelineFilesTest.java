package dev.orderflow.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** buildspec.yml, the GitHub workflow and the image script, read as a reviewer would read them. */
class PipelineFilesTest {

    private static final Path ROOT = App.repositoryRoot(Path.of("").toAbsolutePath());
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void buildspec_testsPushesTheCommitsImagesAndDeploysThemWithPulumiUp() throws IOException {
        JsonNode buildspec = YAML.readTree(ROOT.resolve("buildspec.yml").toFile());
        assertThat(buildspec.path("version").asText()).isEqualTo("0.2");
        List<String> commands = new ArrayList<>();
        for (String phase : List.of("install", "pre_build", "build")) {
            buildspec.path("phases").path(phase).path("commands").forEach(command -> commands.add(command.asText()));
        }
        int test = indexOf(commands, "./orderflow test");
        int install = indexOf(commands, "mvn -B -ntp -q install -DskipTests");
        int publish = indexOf(commands,
                "infra/scripts/publish-images.sh \"$IMAGE_TAG\" \"$VALIDATE_ORDER_REPOSITORY\" \"$PERSIST_ORDER_REPOSITORY\"");
        int assume = indexOf(commands, "aws sts assume-role --role-arn \"$DEPLOY_ROLE_ARN\"");
        int up = indexOf(commands, "pulumi up --yes --non-interactive --stack \"$PULUMI_STACK\"");
        assertThat(List.of(test, install, publish, assume, up)).isSorted().doesNotContain(-1);
        assertThat(commands).contains("export IMAGE_TAG=\"$CODEBUILD_RESOLVED_SOURCE_VERSION\"");
        assertThat(commands.get(up)).contains("-c \"orderflow:validateOrderImage=$IMAGE_TAG\"")
                .contains("-c \"orderflow:persistOrderImage=$IMAGE_TAG\"");
        assertThat(commands).anyMatch(command -> command.contains("java-25"));
    }

    @Test
    void imageScript_buildsEachFunctionFromItsDockerfile_taggedByTheGivenTag() throws IOException {
        Path script = ROOT.resolve("infra/scripts/publish-images.sh");
        assertThat(Files.isExecutable(script)).isTrue();
        String text = Files.readString(script);
        assertThat(text).contains("docker build --platform linux/amd64 --tag \"$repository:$tag\" \"functions/$function\"")
                .contains("docker push \"$repository:$tag\"")
                .contains("publish validate-order \"$2\"")
                .contains("publish persist-order \"$3\"");
        for (String function : List.of(Images.VALIDATE_ORDER, Images.PERSIST_ORDER)) {
            assertThat(ROOT.resolve("functions").resolve(function).resolve("Dockerfile")).isRegularFile();
        }
    }

    @Test
    void workflow_testsEveryChange_previewsPullRequests_andDeploysMain() throws IOException {
        JsonNode workflow = YAML.readTree(ROOT.resolve(".github/workflows/ci.yml").toFile());
        JsonNode on = workflow.path("on");
        assertThat(on.has("pull_request")).isTrue();
        assertThat(on.path("push").path("branches").toString()).isEqualTo("[\"main\"]");
        assertThat(workflow.path("permissions").path("contents").asText()).isEqualTo("read");

        JsonNode jobs = workflow.path("jobs");
        assertThat(runs(jobs.path("test"))).contains("./orderflow test");
        assertThat(step(jobs.path("test"), "actions/setup-java").path("with").path("java-version").asText()).isEqualTo("25");

        JsonNode preview = jobs.path("preview");
        assertThat(preview.path("if").asText()).contains("github.event_name == 'pull_request'");
        assertThat(preview.path("needs").asText()).isEqualTo("test");
        assertThat(preview.path("permissions").path("id-token").asText()).isEqualTo("write");
        assertThat(runs(preview)).contains("mvn -B -ntp -q install -DskipTests");
        assertThat(step(preview, "aws-actions/configure-aws-credentials").path("with").path("role-to-assume").asText())
                .contains("vars.AWS_ROLE_ARN");
        assertThat(step(preview, "pulumi/actions").path("with").path("command").asText()).isEqualTo("preview");

        JsonNode deploy = jobs.path("deploy");
        assertThat(deploy.path("if").asText()).contains("github.event_name == 'push'")
                .contains("github.ref == 'refs/heads/main'");
        assertThat(deploy.path("needs").asText()).isEqualTo("test");
        assertThat(deploy.path("permissions").path("id-token").asText()).isEqualTo("write");
        assertThat(String.join("\n", runs(deploy))).contains("infra/scripts/publish-images.sh \"$GITHUB_SHA\"")
                // The repositories the program names (Images.repositoryName): orderflow-<stack>/<function>.
                .contains("/orderflow-$PULUMI_STACK\"").contains("\"$registry/validate-order\" \"$registry/persist-order\"");
        JsonNode up = step(deploy, "pulumi/actions").path("with");
        assertThat(up.path("command").asText()).isEqualTo("up");
        assertThat(up.path("config-map").asText()).contains("orderflow:validateOrderImage")
                .contains("orderflow:persistOrderImage").contains("github.sha");
        // Every action is pinned to a release.
        jobs.forEach(job -> job.path("steps").forEach(step -> {
            if (step.has("uses")) {
                assertThat(step.path("uses").asText()).matches("[\\w-]+/[\\w-]+@v\\d+");
            }
        }));
    }

    @Test
    void ci_runsTheReadmesTestCommand() throws IOException {
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("exec ./orderflow test");
    }

    private static int indexOf(List<String> commands, String fragment) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> runs(JsonNode job) {
        List<String> runs = new ArrayList<>();
        job.path("steps").forEach(step -> {
            if (step.has("run")) {
                runs.add(step.path("run").asText().strip());
            }
        });
        return runs;
    }

    private static JsonNode step(JsonNode job, String action) {
        for (JsonNode step : job.path("steps")) {
            if (step.path("uses").asText().startsWith(action + "@")) {
                return step;
            }
        }
        throw new AssertionError("No step uses " + action);
    }
}
