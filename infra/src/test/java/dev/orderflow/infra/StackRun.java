package dev.orderflow.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of the program under Pulumi's mocks, with everything a test looks at copied out of it: the registered
 * resources (type, logical name, inputs), their URNs and the stack outputs. Runs are slow-ish (the whole graph,
 * ~100 resources), so each configuration runs once per test JVM.
 *
 * <p>Pulumi Java on JDK 25 with two CPUs livelocks unless the common fork-join pool is wider: the parent pom's
 * surefire argLine and .mvn/jvm.config set {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=4}.
 */
final class StackRun {

    static final String STACK = "test";
    static final String PROJECT = "orderflow";
    static final String VALIDATE_TAG = "3f2a1c9";
    static final String PERSIST_DIGEST = "sha256:" + "ab".repeat(32);
    static final String PAGE_TOKEN_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String CONNECTION_ARN =
            "arn:aws:codestar-connections:eu-west-1:123456789012:connection/0a1b2c3d-mock";
    static final String DEPLOY_ROLE_ARN = "arn:aws:iam::123456789012:role/orderflow-deploy";
    static final String PULUMI_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orderflow-pulumi-Ab12Cd";

    private static StackRun standard;

    final List<Mocks.ResourceArgs> resources;
    final List<String> urns;
    final Map<String, Object> outputs;
    final List<String> errors;
    final Path repositoryRoot;

    private StackRun(List<Mocks.ResourceArgs> resources, List<String> urns, Map<String, Object> outputs,
                     List<String> errors, Path repositoryRoot) {
        this.resources = resources;
        this.urns = urns;
        this.outputs = outputs;
        this.errors = errors;
        this.repositoryRoot = repositoryRoot;
    }

    /** Every key set, the pipeline included: the configuration a full deployment has. */
    static Map<String, String> standardConfig() {
        Map<String, String> config = new HashMap<>();
        config.put(StackConfig.VALIDATE_ORDER_IMAGE, VALIDATE_TAG);
        config.put(StackConfig.PERSIST_ORDER_IMAGE, PERSIST_DIGEST);
        config.put(StackConfig.PAGE_TOKEN_KEY, PAGE_TOKEN_KEY);
        config.put(StackConfig.ALARM_EMAIL, "ops@example.com");
        config.put(StackConfig.CALLBACK_URLS, "[\"https://app.example.com/callback\",\"http://localhost:3000/callback\"]");
        config.put(StackConfig.GITHUB_CONNECTION_ARN, CONNECTION_ARN);
        config.put(StackConfig.GITHUB_REPOSITORY, "example/orderflow");
        config.put(StackConfig.DEPLOY_ROLE_ARN, DEPLOY_ROLE_ARN);
        config.put(StackConfig.PULUMI_SECRET_ARN, PULUMI_SECRET_ARN);
        return config;
    }

    static synchronized StackRun standard() {
        if (standard == null) {
            standard = run(standardConfig());
        }
        return standard;
    }

    static StackRun run(Map<String, String> values) {
        Path root = fakeRepository();
        StackConfig config = StackConfig.from(TestConfig.of(values), root);
        AwsMocks mocks = new AwsMocks();
        PulumiTest.cleanup();
        TestResult result = PulumiTest
                .withOptions(TestOptions.builder().projectName(PROJECT).stackName(STACK).build())
                .withMocks(mocks)
                .runTest(ctx -> App.stack(ctx, config));
        List<String> urns = new ArrayList<>();
        for (Resource resource : result.resources()) {
            urns.add(PulumiTest.extractValue(resource.urn()));
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (Map.Entry<String, Output<?>> output : result.outputs().entrySet()) {
            outputs.put(output.getKey(), PulumiTest.extractValue(output.getValue()));
        }
        List<String> errors = new ArrayList<>(result.errors());
        result.exceptions().forEach(e -> errors.add(String.valueOf(e)));
        PulumiTest.cleanup();
        return new StackRun(List.copyOf(mocks.registered), urns, outputs, errors, root);
    }

    /** A repository root with the two function jars in place (empty files: the mocks never read them). */
    private static Path fakeRepository() {
        try {
            Path root = Files.createTempDirectory("orderflow-repo");
            Files.writeString(root.resolve("Pulumi.yaml"), "name: orderflow\nruntime: java\nmain: infra\n");
            for (FunctionJars jar : FunctionJars.values()) {
                Path path = root.resolve(jar.path());
                Files.createDirectories(path.getParent());
                Files.write(path, new byte[0]);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Mocks.ResourceArgs> ofType(String type) {
        return resources.stream().filter(r -> r.type.equals(type)).toList();
    }

    Mocks.ResourceArgs one(String type, String name) {
        List<Mocks.ResourceArgs> matches = resources.stream()
                .filter(r -> r.type.equals(type) && r.name.equals(name)).toList();
        if (matches.size() != 1) {
            throw new AssertionError("Expected one " + type + " named " + name + ", found " + matches.size());
        }
        return matches.getFirst();
    }

    Optional<Mocks.ResourceArgs> find(String type, String name) {
        return resources.stream().filter(r -> r.type.equals(type) && r.name.equals(name)).findFirst();
    }

    /** A nested input: {@code input(args, "loggingConfig", "logGroup")}. */
    static Object input(Mocks.ResourceArgs args, String... path) {
        Object value = args.inputs;
        for (String key : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(key);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static String string(Mocks.ResourceArgs args, String... path) {
        Object value = input(args, path);
        return value == null ? null : value.toString();
    }

    static JsonNode json(Mocks.ResourceArgs args, String... path) {
        return Contracts.readJson(string(args, path));
    }
}
