package dev.orderflow.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole workflow is written in JSONata: only the fields a JSONata state has, expressions that compile, the
 * reserved {@code $states} parts only where Step Functions provides them, and variables assigned before they are read.
 */
class JsonataUsageTest {

    private static final Set<String> TOP_LEVEL_FIELDS =
            Set.of("Comment", "QueryLanguage", "StartAt", "States", "TimeoutSeconds", "Version");

    private static final Set<String> COMMON_FIELDS = Set.of("Type", "Comment", "QueryLanguage");

    private static final Map<String, Set<String>> FIELDS_BY_TYPE = Map.of(
            "Task", Set.of("Resource", "Arguments", "Output", "Assign", "Next", "End", "Retry", "Catch",
                    "TimeoutSeconds", "HeartbeatSeconds", "Credentials"),
            "Choice", Set.of("Choices", "Default", "Output", "Assign"),
            "Pass", Set.of("Output", "Assign", "Next", "End"),
            "Wait", Set.of("Seconds", "Timestamp", "Output", "Assign", "Next", "End"),
            "Succeed", Set.of("Output"),
            "Fail", Set.of("Error", "Cause"));

    private static final Set<String> RETRIER_FIELDS = Set.of(
            "ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy");
    private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "Assign", "Output");
    private static final Set<String> CHOICE_RULE_FIELDS = Set.of("Condition", "Next", "Assign");

    /** Fields that exist only for JSONPath states; a JSONata state definition with any of them is rejected. */
    private static final Set<String> JSONPATH_ONLY_FIELDS = Set.of(
            "InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath",
            "ItemsPath", "ErrorPath", "CausePath", "SecondsPath", "TimestampPath", "TimeoutSecondsPath",
            "HeartbeatSecondsPath", "Variable");

    /** A variable read: {@code $name} not followed by an argument list (that would be a function call). */
    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)\\b(?!\\s*\\()");

    @Test
    void workflow_declaresJsonata_andNoStateFallsBackToJsonPath() {
        assertThat(OrderWorkflow.definition().path("QueryLanguage").asText()).isEqualTo("JSONata");
        OrderWorkflow.states().forEach((name, state) ->
                assertThat(state.path("QueryLanguage").asText("JSONata")).as(name).isEqualTo("JSONata"));
    }

    @Test
    void states_useOnlyTheFieldsJsonataAllows() {
        JsonNode definition = OrderWorkflow.definition();
        assertThat(fieldNamesOf(definition)).isSubsetOf(TOP_LEVEL_FIELDS);

        OrderWorkflow.states().forEach((name, state) -> {
            String type = state.path("Type").asText();
            assertThat(FIELDS_BY_TYPE).as("%s has a known Type", name).containsKey(type);
            var allowed = new HashSet<>(COMMON_FIELDS);
            allowed.addAll(FIELDS_BY_TYPE.get(type));

            assertThat(fieldNamesOf(state)).as(name).isSubsetOf(allowed);
            state.path("Retry").forEach(r -> assertThat(fieldNamesOf(r)).as("%s retrier", name).isSubsetOf(RETRIER_FIELDS));
            state.path("Catch").forEach(c -> assertThat(fieldNamesOf(c)).as("%s catcher", name).isSubsetOf(CATCHER_FIELDS));
            state.path("Choices").forEach(c -> assertThat(fieldNamesOf(c)).as("%s rule", name).isSubsetOf(CHOICE_RULE_FIELDS));
        });
    }

    @Test
    void noJsonPathField_appearsAnywhere() {
        assertThat(OrderWorkflow.fieldNames(OrderWorkflow.definition())).allSatisfy(field -> {
            assertThat(field.text()).as(field.pointer()).isNotIn(JSONPATH_ONLY_FIELDS);
            assertThat(field.text()).as("%s: JSONata has no .$ keys", field.pointer()).doesNotEndWith(".$");
        });
    }

    @Test
    void everyStringWithJsonataMarkers_isOneWholeExpression() {
        assertThat(OrderWorkflow.strings(OrderWorkflow.definition()))
                .filteredOn(s -> s.text().contains("{%") || s.text().contains("%}"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(StepFunctionsJsonata.expressionIn(s.text())).as(s.pointer()).isPresent());
    }

    @Test
    void everyJsonataExpression_compiles() {
        assertThat(expressions()).isNotEmpty().allSatisfy(expression -> assertThatCode(
                        () -> StepFunctionsJsonata.compile(expression.text()))
                .as(expression.pointer())
                .doesNotThrowAnyException());
    }

    @Test
    void taskResult_isReadOnlyInTheTaskOutputAndAssign() {
        assertThat(expressions())
                .filteredOn(e -> e.text().contains("$states.result"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.pointer()).matches("/States/[^/]+/(Output|Assign)(/.*)?")
                        .satisfies(pointer -> assertThat(typeOfStateAt(pointer)).isEqualTo("Task")));
    }

    @Test
    void errorOutput_isReadOnlyInCatchers() {
        assertThat(expressions())
                .filteredOn(e -> e.text().contains("$states.errorOutput"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.pointer()).matches("/States/[^/]+/Catch/\\d+/(Output|Assign)(/.*)?"));
    }

    @Test
    void variableNames_doNotShadowJsonataFunctions() {
        assertThat(assignedVariables()).isNotEmpty().allSatisfy(name ->
                assertThat(StepFunctionsJsonata.isBuiltIn(name)).as("$%s is a JSONata function", name).isFalse());
    }

    @Test
    void everyVariable_isAssignedOnEveryPathBeforeItIsRead() {
        Map<String, Set<String>> assignedOnEntry = variablesAssignedOnEntry();

        OrderWorkflow.states().forEach((name, state) -> assertThat(variablesRead(state))
                .as("variables %s reads", name)
                .isSubsetOf(assignedOnEntry.get(name)));
    }

    private static List<OrderWorkflow.Located> expressions() {
        var expressions = new ArrayList<OrderWorkflow.Located>();
        for (var string : OrderWorkflow.strings(OrderWorkflow.definition())) {
            StepFunctionsJsonata.expressionIn(string.text())
                    .ifPresent(body -> expressions.add(new OrderWorkflow.Located(string.pointer(), body)));
        }
        return expressions;
    }

    private static String typeOfStateAt(String pointer) {
        return OrderWorkflow.state(pointer.split("/")[2]).path("Type").asText();
    }

    private static Set<String> fieldNamesOf(JsonNode object) {
        var names = new LinkedHashSet<String>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> assignedVariables() {
        var names = new LinkedHashSet<String>();
        for (Edge edge : edges()) {
            names.addAll(edge.assigns());
        }
        return names;
    }

    private static Set<String> variablesRead(JsonNode state) {
        var names = new LinkedHashSet<String>();
        for (var string : OrderWorkflow.strings(state)) {
            StepFunctionsJsonata.expressionIn(string.text()).ifPresent(body ->
                    VARIABLE.matcher(body).results().map(m -> m.group(1)).forEach(names::add));
        }
        names.remove("states");
        return names;
    }

    /**
     * For each state, the variables set on every path that reaches it. A state's own Assign takes effect only as it
     * is left, so its Output and Assign still see the values from before; a catcher applies only its own Assign.
     */
    private static Map<String, Set<String>> variablesAssignedOnEntry() {
        var states = OrderWorkflow.states();
        List<Edge> edges = edges();
        String startAt = OrderWorkflow.definition().path("StartAt").asText();
        var onEntry = new HashMap<String, Set<String>>();
        states.keySet().forEach(name -> onEntry.put(name, name.equals(startAt) ? Set.of() : assignedVariables()));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String name : states.keySet()) {
                if (name.equals(startAt)) {
                    continue;
                }
                Set<String> common = null;
                for (Edge edge : edges) {
                    if (edge.to().equals(name)) {
                        var arriving = new HashSet<>(onEntry.get(edge.from()));
                        arriving.addAll(edge.assigns());
                        if (common == null) {
                            common = arriving;
                        } else {
                            common.retainAll(arriving);
                        }
                    }
                }
                Set<String> updated = common == null ? Set.of() : Set.copyOf(common);
                if (!updated.equals(onEntry.get(name))) {
                    onEntry.put(name, updated);
                    changed = true;
                }
            }
        }
        return onEntry;
    }

    /** A transition and the variables it sets. */
    private record Edge(String from, String to, Set<String> assigns) {}

    private static List<Edge> edges() {
        var edges = new ArrayList<Edge>();
        OrderWorkflow.states().forEach((name, state) -> {
            Set<String> stateAssigns = fieldNamesOf(state.path("Assign"));
            if (state.has("Next")) {
                edges.add(new Edge(name, state.path("Next").asText(), stateAssigns));
            }
            if (state.has("Default")) {
                edges.add(new Edge(name, state.path("Default").asText(), stateAssigns));
            }
            state.path("Choices").forEach(rule -> {
                var assigns = new HashSet<>(stateAssigns);
                assigns.addAll(fieldNamesOf(rule.path("Assign")));
                edges.add(new Edge(name, rule.path("Next").asText(), assigns));
            });
            state.path("Catch").forEach(catcher ->
                    edges.add(new Edge(name, catcher.path("Next").asText(), fieldNamesOf(catcher.path("Assign")))));
        });
        return edges;
    }
}
