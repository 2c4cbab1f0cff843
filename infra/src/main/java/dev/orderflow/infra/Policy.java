package dev.orderflow.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM policy documents, written as data: every statement allows named actions on named resources. The few
 * actions that AWS only authorizes on {@code "*"} (see {@link #ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS}) go
 * through {@link #onAnyResource}, which refuses any other action, so a wildcard resource is always deliberate.
 */
final class Policy {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Actions that support no resource-level permissions, so their statements must name {@code "*"}: X-Ray trace
     * upload (Lambda and Step Functions tracing), Step Functions' CloudWatch Logs delivery setup, and the ECR
     * registry login. Tests hold every wildcard resource in the program to this list.
     */
    static final List<String> ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS = List.of(
            "xray:PutTraceSegments",
            "xray:PutTelemetryRecords",
            "xray:GetSamplingRules",
            "xray:GetSamplingTargets",
            "logs:CreateLogDelivery",
            "logs:GetLogDelivery",
            "logs:UpdateLogDelivery",
            "logs:DeleteLogDelivery",
            "logs:ListLogDeliveries",
            "logs:PutResourcePolicy",
            "logs:DescribeResourcePolicies",
            "logs:DescribeLogGroups",
            "ecr:GetAuthorizationToken");

    /** One Allow statement. */
    record Statement(List<String> actions, List<Output<String>> resources) {
        Statement {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
            if (actions.isEmpty() || resources.isEmpty()) {
                throw new IllegalArgumentException("A statement needs actions and resources");
            }
            for (String action : actions) {
                if (action.contains("*")) {
                    throw new IllegalArgumentException("Wildcard action " + action + ": name the actions");
                }
            }
        }
    }

    private Policy() {
    }

    static Statement allow(List<String> actions, Output<String> resource) {
        return new Statement(actions, List.of(resource));
    }

    static Statement allow(List<String> actions, List<Output<String>> resources) {
        return new Statement(actions, resources);
    }

    /** A statement on {@code "*"}, for actions that AWS does not authorize per resource. */
    static Statement onAnyResource(List<String> actions) {
        for (String action : actions) {
            if (!ACTIONS_WITHOUT_RESOURCE_LEVEL_PERMISSIONS.contains(action)) {
                throw new IllegalArgumentException(action + " supports resource-level permissions: name its ARN");
            }
        }
        return new Statement(actions, List.of(Output.of("*")));
    }

    /** The policy document, once every resource ARN is known. */
    static Output<String> document(List<Statement> statements) {
        List<Output<String>> resources = new ArrayList<>();
        statements.forEach(statement -> resources.addAll(statement.resources()));
        return Output.all(resources).applyValue(arns -> {
            List<Map<String, Object>> rendered = new ArrayList<>();
            int next = 0;
            for (Statement statement : statements) {
                List<String> statementResources = arns.subList(next, next + statement.resources().size());
                next += statement.resources().size();
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("Effect", "Allow");
                json.put("Action", statement.actions());
                json.put("Resource", List.copyOf(statementResources));
                rendered.add(json);
            }
            return write(Map.of("Version", "2012-10-17", "Statement", rendered));
        });
    }

    /** Who may assume a role: one AWS service. */
    static Output<String> assumableBy(String servicePrincipal) {
        return Output.of(write(trust(servicePrincipal, Map.of())));
    }

    /**
     * Who may assume a role: one AWS service, and only on behalf of this account (the confused-deputy guard that
     * Step Functions and CodeBuild document for their service roles).
     */
    static Output<String> assumableBy(String servicePrincipal, Output<String> accountId) {
        return accountId.applyValue(account -> write(trust(servicePrincipal,
                Map.of("Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", account))))));
    }

    private static Map<String, Object> trust(String servicePrincipal, Map<String, Object> condition) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", servicePrincipal));
        statement.put("Action", "sts:AssumeRole");
        statement.putAll(condition);
        return Map.of("Version", "2012-10-17", "Statement", List.of(statement));
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render JSON", e);
        }
    }
}
