package dev.orderflow.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two contracts the cloud shares with the local stack, read from the classpath exactly as they are committed
 * ({@code api/openapi.yaml}, {@code statemachine/order-workflow.asl.json}), with their deployment placeholders
 * substituted. A placeholder without a value, or a value for no placeholder, stops the program.
 */
final class Contracts {

    static final String OPENAPI_RESOURCE = "orderflow/api/openapi.yaml";
    static final String WORKFLOW_RESOURCE = "orderflow/statemachine/order-workflow.asl.json";

    /** {@code ${Name}}: the placeholder syntax both documents reserve for deployment values. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    /** An API operation that API Gateway sends to a Lambda function (aws_proxy). */
    record ProxyOperation(String method, String path) {
        /** The method ARN suffix API Gateway invokes with: {@code GET/orders/*}. */
        String sourceArnSuffix() {
            return method.toUpperCase(Locale.ROOT) + path.replaceAll("\\{[^}]+}", "*");
        }
    }

    private Contracts() {
    }

    static String openApiTemplate() {
        return resource(OPENAPI_RESOURCE);
    }

    static String workflowTemplate() {
        return resource(WORKFLOW_RESOURCE);
    }

    /** The OpenAPI document as JSON (the RestApi body), placeholders substituted. */
    static String openApiBody(Map<String, String> values) {
        JsonNode document = readYaml(substitute(openApiTemplate(), values));
        return requireResolved(write(document), OPENAPI_RESOURCE);
    }

    /** The workflow definition, placeholders substituted. */
    static String workflowDefinition(Map<String, String> values) {
        String definition = substitute(workflowTemplate(), values);
        readJson(definition);
        return requireResolved(definition, WORKFLOW_RESOURCE);
    }

    /** The operations whose integration calls the Lambda function named by {@code placeholder}. */
    static List<ProxyOperation> operationsInvoking(String placeholder) {
        JsonNode paths = readYaml(openApiTemplate()).path("paths");
        List<ProxyOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String uri = operation.getValue().path("x-amazon-apigateway-integration").path("uri").asText("");
                if (uri.contains("${" + placeholder + "}")) {
                    operations.add(new ProxyOperation(operation.getKey(), path.getKey()));
                }
            }
        }
        return operations;
    }

    /** The placeholder names a template uses. */
    static Set<String> placeholders(String template) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    static String substitute(String template, Map<String, String> values) {
        Set<String> used = placeholders(template);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(values.keySet());
        Set<String> unused = new TreeSet<>(values.keySet());
        unused.removeAll(used);
        if (!missing.isEmpty() || !unused.isEmpty()) {
            throw new IllegalStateException("Placeholders without a value: " + missing + "; values for no placeholder: "
                    + unused);
        }
        return PLACEHOLDER.matcher(template).replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1))));
    }

    static String requireResolved(String document, String name) {
        Set<String> left = placeholders(document);
        if (!left.isEmpty()) {
            throw new IllegalStateException(name + " still holds placeholders after substitution: " + left);
        }
        return document;
    }

    static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode readYaml(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render JSON", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + name
                        + ": install the contract modules first (mvn -B install -DskipTests at the repository root)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
