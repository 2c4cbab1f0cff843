package dev.orderflow.local.states.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.local.states.json.Json;
import dev.orderflow.local.states.jsonata.JsonataExpressions;
import dev.orderflow.local.states.jsonpath.JsonPathScope;
import dev.orderflow.local.states.jsonpath.PayloadTemplate;
import dev.orderflow.local.states.jsonpath.ReferencePath;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.orderflow.local.states.asl.FieldReader.SCHEMA;

/**
 * Parses and validates an Amazon States Language definition, as CreateStateMachine does: every problem found is
 * reported at once, each with its location, and nothing invalid ever reaches the interpreter.
 * <p>
 * The structure of each state (which fields its type and query language allow, their types and ranges) is checked
 * here; the graph rules (transition targets, reachability) by {@link GraphRules}.
 */
public final class DefinitionParser {

    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("Comment", "StartAt", "States", "TimeoutSeconds",
            "Version", "QueryLanguage");
    private static final Set<String> GRAPH_FIELDS = Set.of("Comment", "StartAt", "States", "ProcessorConfig",
            "QueryLanguage");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,79}");
    private static final int MAX_STATE_NAME = 80;
    private static final long MAX_SECONDS = 99_999_999L;

    private final List<InvalidDefinitionException.Problem> problems = new ArrayList<>();
    private final Set<String> stateNames = new HashSet<>();

    private DefinitionParser() {
    }

    /**
     * Parses definition text.
     *
     * @throws InvalidDefinitionException listing every problem
     */
    public static StateMachineDefinition parse(String definition) {
        JsonNode root;
        try {
            root = Json.parse(definition);
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException(List.of(new InvalidDefinitionException.Problem(
                    "INVALID_JSON_DESCRIPTION", e.getMessage(), "")));
        }
        return parse(root);
    }

    public static StateMachineDefinition parse(JsonNode root) {
        return new DefinitionParser().machine(root);
    }

    private StateMachineDefinition machine(JsonNode root) {
        if (!(root instanceof ObjectNode object)) {
            throw new InvalidDefinitionException(List.of(new InvalidDefinitionException.Problem(
                    SCHEMA, "The definition must be a JSON object", "")));
        }
        FieldReader fields = new FieldReader(object, "", problems);
        rejectUnknown(fields, TOP_LEVEL_FIELDS, "");
        fields.text("Version").filter(v -> !v.equals("1.0"))
                .ifPresent(v -> fields.problem("Version", "The field 'Version' must be \"1.0\""));
        QueryLanguage language = queryLanguage(fields, QueryLanguage.JSONPATH);
        Optional<Integer> timeout = fields.integer("TimeoutSeconds", 1, MAX_SECONDS);
        StateGraph graph = graph(fields, language);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        return new StateMachineDefinition(graph, language, timeout, root);
    }

    private QueryLanguage queryLanguage(FieldReader fields, QueryLanguage inherited) {
        Optional<String> written = fields.text("QueryLanguage");
        if (written.isEmpty()) {
            return inherited;
        }
        Optional<QueryLanguage> language = QueryLanguage.fromAslName(written.get());
        if (language.isEmpty()) {
            fields.problem("QueryLanguage", "The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]");
            return inherited;
        }
        if (inherited == QueryLanguage.JSONATA && language.get() == QueryLanguage.JSONPATH) {
            fields.problem("QueryLanguage", "A state cannot use JSONPath when the state machine uses JSONata");
        }
        return language.get();
    }

    /** StartAt and States, and the graph rules over them. */
    private StateGraph graph(FieldReader fields, QueryLanguage language) {
        Optional<String> startAt = fields.requiredText("StartAt");
        Map<String, State> states = new LinkedHashMap<>();
        if (!fields.has("States")) {
            fields.problem("These fields are required: [States]");
        } else {
            fields.object("States").ifPresent(written -> {
                if (written.isEmpty()) {
                    fields.problem("States", "Value cannot be empty");
                }
                written.properties().forEach(e -> state(e.getKey(), e.getValue(),
                        fields.location("States") + "/" + e.getKey(), language).ifPresent(s -> states.put(e.getKey(), s)));
            });
        }
        StateGraph graph = new StateGraph(startAt.orElse(""), states);
        if (startAt.isPresent() && !states.isEmpty()) {
            GraphRules.check(graph, fields.location(), problems);
        }
        return graph;
    }

    private Optional<State> state(String name, JsonNode node, String location, QueryLanguage inherited) {
        if (name.isEmpty() || name.length() > MAX_STATE_NAME) {
            problems.add(new InvalidDefinitionException.Problem(SCHEMA,
                    "State names must be 1 to " + MAX_STATE_NAME + " characters long", location));
        }
        if (!stateNames.add(name)) {
            problems.add(new InvalidDefinitionException.Problem("DUPLICATE_STATE_NAME",
                    "Duplicate State name: " + name, location));
        }
        if (!(node instanceof ObjectNode object)) {
            problems.add(new InvalidDefinitionException.Problem(SCHEMA, "A state must be a JSON object", location));
            return Optional.empty();
        }
        FieldReader fields = new FieldReader(object, location, problems);
        Optional<StateType> type = fields.requiredText("Type").flatMap(written -> {
            Optional<StateType> known = StateType.fromAslName(written);
            if (known.isEmpty()) {
                fields.problem("Type", "The field 'Type' should have one of these values: "
                        + "[Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]");
            }
            return known;
        });
        if (type.isEmpty()) {
            return Optional.empty();
        }
        QueryLanguage language = queryLanguage(fields, inherited);
        checkFields(fields, type.get(), language);
        State.Common common = new State.Common(name, type.get().aslName(), language, transition(fields, type.get()),
                io(fields, language), assign(fields, "Assign", language));
        return Optional.of(switch (type.get()) {
            case PASS -> new State.Pass(common, fields.raw("Result"));
            case TASK -> task(common, fields);
            case CHOICE -> choice(common, fields);
            case WAIT -> waitState(common, fields);
            case SUCCEED -> new State.Succeed(common);
            case FAIL -> fail(common, fields);
            case PARALLEL -> parallel(common, fields);
            case MAP -> map(common, fields);
        });
    }

    private void checkFields(FieldReader fields, StateType type, QueryLanguage language) {
        for (var field : fields.node().properties()) {
            String name = field.getKey();
            Optional<QueryLanguage> only = type.onlyIn(name);
            if (type.unsupportedHere(name)) {
                fields.problem(name, "The field '" + name + "' is not supported by the local runner (inline Map only)");
            } else if (!type.allows(name)) {
                fields.problem(name, "Field '" + name + "' is not supported by a " + type.aslName() + " state");
            } else if (only.isPresent() && only.get() != language) {
                fields.problem(name, "The field '" + name + "' is not supported when QueryLanguage is "
                        + language.aslName());
            }
        }
    }

    private Optional<String> transition(FieldReader fields, StateType type) {
        if (!type.transitions()) {
            return Optional.empty();
        }
        Optional<String> next = fields.text("Next");
        boolean end = fields.raw("End").map(JsonNode::asBoolean).orElse(false);
        if (fields.raw("End").filter(value -> !value.isBoolean()).isPresent()) {
            fields.problem("End", "The field 'End' must be a boolean");
        }
        if (next.isPresent() == end) {
            fields.problem("Exactly one of 'Next' or 'End' must be specified");
        }
        return next;
    }

    private State.Io io(FieldReader fields, QueryLanguage language) {
        if (language == QueryLanguage.JSONATA) {
            return new State.Io(Optional.of(State.Io.ROOT), Optional.of(State.Io.ROOT), Optional.of(State.Io.ROOT),
                    Optional.empty(), Optional.empty(), jsonata(fields, "Arguments"), jsonata(fields, "Output"));
        }
        return new State.Io(path(fields, "InputPath"), path(fields, "OutputPath"), resultPath(fields, "ResultPath"),
                template(fields, "Parameters"), template(fields, "ResultSelector"), Optional.empty(), Optional.empty());
    }

    /** InputPath / OutputPath: "$" when absent, empty when written as null. */
    private Optional<String> path(FieldReader fields, String field) {
        JsonNode value = fields.raw(field).orElse(null);
        if (value == null) {
            return Optional.of(State.Io.ROOT);
        }
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || !JsonPathScope.isValidPath(value.textValue())) {
            fields.problem(field, "The value for the field '" + field + "' must be a valid JSONPath");
            return Optional.of(State.Io.ROOT);
        }
        return Optional.of(value.textValue());
    }

    private Optional<String> resultPath(FieldReader fields, String field) {
        JsonNode value = fields.raw(field).orElse(null);
        if (value == null) {
            return Optional.of(State.Io.ROOT);
        }
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || ReferencePath.parse(value.textValue()).isEmpty()) {
            fields.problem(field, "The value for the field '" + field + "' must be a valid ReferencePath");
            return Optional.of(State.Io.ROOT);
        }
        return Optional.of(value.textValue());
    }

    /** A JSONPath payload template, with its {@code .$} fields checked. */
    private Optional<JsonNode> template(FieldReader fields, String field) {
        Optional<JsonNode> value = fields.raw(field);
        value.ifPresent(template -> PayloadTemplate.problems(template).forEach(p -> fields.problem(field, p)));
        return value;
    }

    /** A JSONata field (template or expression), with its expressions compiled. */
    private Optional<JsonNode> jsonata(FieldReader fields, String field) {
        Optional<JsonNode> value = fields.raw(field);
        value.ifPresent(v -> JsonataExpressions.problems(v).forEach(p -> fields.problem(field, p)));
        return value;
    }

    private Optional<JsonNode> assign(FieldReader fields, String field, QueryLanguage language) {
        Optional<ObjectNode> assign = fields.object(field);
        assign.ifPresent(object -> object.properties().forEach(e -> {
            String variable = language == QueryLanguage.JSONPATH && e.getKey().endsWith(".$")
                    ? e.getKey().substring(0, e.getKey().length() - 2) : e.getKey();
            if (!VARIABLE_NAME.matcher(variable).matches() || variable.equals("states")) {
                fields.problem(field, "'" + variable + "' is not a valid variable name");
            }
        }));
        return language == QueryLanguage.JSONATA ? jsonata(fields, field).map(JsonNode.class::cast)
                : template(fields, field).map(JsonNode.class::cast);
    }

    private State.Task task(State.Common common, FieldReader fields) {
        String resource = fields.requiredText("Resource").orElse("");
        if (!resource.isEmpty() && !resource.startsWith("arn:")) {
            fields.problem("Resource", "Value is not a valid resource ARN");
        }
        Optional<JsonNode> timeout = seconds(fields, "TimeoutSeconds", 1, common.language());
        Optional<String> timeoutPath = dynamicPath(fields, "TimeoutSecondsPath");
        Optional<JsonNode> heartbeat = seconds(fields, "HeartbeatSeconds", 1, common.language());
        Optional<String> heartbeatPath = dynamicPath(fields, "HeartbeatSecondsPath");
        if (timeout.isPresent() && timeoutPath.isPresent()) {
            fields.problem("Only one of 'TimeoutSeconds' and 'TimeoutSecondsPath' may be specified");
        }
        if (heartbeat.isPresent() && heartbeatPath.isPresent()) {
            fields.problem("Only one of 'HeartbeatSeconds' and 'HeartbeatSecondsPath' may be specified");
        }
        if (timeout.filter(JsonNode::isNumber).isPresent() && heartbeat.filter(JsonNode::isNumber).isPresent()
                && heartbeat.get().longValue() >= timeout.get().longValue()) {
            fields.problem("HeartbeatSeconds", "HeartbeatSeconds must be smaller than TimeoutSeconds");
        }
        return new State.Task(common, resource, timeout, timeoutPath, heartbeat, heartbeatPath, errorHandling(fields, common));
    }

    /** A number of seconds, or (JSONata) an expression giving one. */
    private Optional<JsonNode> seconds(FieldReader fields, String field, long min, QueryLanguage language) {
        Optional<JsonNode> value = fields.raw(field);
        if (value.isEmpty()) {
            return value;
        }
        if (language == QueryLanguage.JSONATA && JsonataExpressions.expressionIn(value.get()).isPresent()) {
            return jsonata(fields, field);
        }
        return fields.integer(field, min, MAX_SECONDS).map(Json.NODES::numberNode);
    }

    private Optional<String> dynamicPath(FieldReader fields, String field) {
        Optional<String> path = fields.text(field);
        path.filter(p -> !JsonPathScope.isValidPath(p))
                .ifPresent(p -> fields.problem(field, "The value for the field '" + field + "' must be a valid JSONPath"));
        return path;
    }

    private State.ErrorHandling errorHandling(FieldReader fields, State.Common common) {
        List<State.Retrier> retriers = new ArrayList<>();
        List<FieldReader> retryFields = fields.objects("Retry", true);
        for (int i = 0; i < retryFields.size(); i++) {
            retriers.add(retrier(retryFields.get(i), i == retryFields.size() - 1));
        }
        List<State.Catcher> catchers = new ArrayList<>();
        List<FieldReader> catchFields = fields.objects("Catch", true);
        for (int i = 0; i < catchFields.size(); i++) {
            catchers.add(catcher(catchFields.get(i), i == catchFields.size() - 1, common.language()));
        }
        return new State.ErrorHandling(retriers, catchers);
    }

    private State.Retrier retrier(FieldReader fields, boolean last) {
        rejectUnknown(fields, Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate",
                "MaxDelaySeconds", "JitterStrategy", "Comment"), "retrier");
        List<String> errors = errorEquals(fields, last, "retrier");
        State.JitterStrategy jitter = fields.text("JitterStrategy").map(written -> {
            try {
                return State.JitterStrategy.valueOf(written);
            } catch (IllegalArgumentException e) {
                fields.problem("JitterStrategy", "The field 'JitterStrategy' should have one of these values: [FULL, NONE]");
                return State.JitterStrategy.NONE;
            }
        }).orElse(State.JitterStrategy.NONE);
        return new State.Retrier(errors,
                fields.integer("IntervalSeconds", 1, MAX_SECONDS).orElse(1),
                fields.integer("MaxAttempts", 0, MAX_SECONDS).orElse(3),
                fields.number("BackoffRate", 1.0).orElse(2.0),
                fields.integer("MaxDelaySeconds", 1, 31_622_400),
                jitter);
    }

    private State.Catcher catcher(FieldReader fields, boolean last, QueryLanguage language) {
        Set<String> allowed = language == QueryLanguage.JSONATA
                ? Set.of("ErrorEquals", "Next", "Output", "Assign", "Comment")
                : Set.of("ErrorEquals", "Next", "ResultPath", "Assign", "Comment");
        rejectUnknown(fields, allowed, "catcher");
        List<String> errors = errorEquals(fields, last, "catcher");
        String next = fields.requiredText("Next").orElse("");
        Optional<String> resultPath = language == QueryLanguage.JSONATA ? Optional.of(State.Io.ROOT)
                : resultPath(fields, "ResultPath");
        Optional<JsonNode> output = language == QueryLanguage.JSONATA ? jsonata(fields, "Output") : Optional.empty();
        return new State.Catcher(errors, next, resultPath, output, assign(fields, "Assign", language));
    }

    private List<String> errorEquals(FieldReader fields, boolean last, String what) {
        List<String> errors = fields.strings("ErrorEquals");
        for (String error : errors) {
            if (error.startsWith("States.") && !ErrorNames.isKnownStatesError(error)) {
                fields.problem("ErrorEquals", "'" + error + "' is not a known error name");
            }
        }
        if (errors.contains(ErrorNames.ALL)) {
            if (errors.size() > 1) {
                fields.problem("ErrorEquals", "States.ALL must appear alone in ErrorEquals");
            }
            if (!last) {
                fields.problem("ErrorEquals", "A " + what + " with States.ALL must be the last one");
            }
        }
        return errors;
    }

    private State.Choice choice(State.Common common, FieldReader fields) {
        List<State.ChoiceBranch> branches = new ArrayList<>();
        if (!fields.has("Choices")) {
            fields.problem("These fields are required: [Choices]");
        }
        for (FieldReader rule : fields.objects("Choices")) {
            String next = rule.requiredText("Next").orElse("");
            Optional<JsonNode> assign = assign(rule, "Assign", common.language());
            if (common.language() == QueryLanguage.JSONATA) {
                rejectUnknown(rule, Set.of("Condition", "Next", "Assign", "Output", "Comment"), "choice rule");
                Optional<JsonNode> condition = rule.raw("Condition");
                if (condition.isEmpty()) {
                    rule.problem("These fields are required: [Condition]");
                } else if (!condition.get().isBoolean() && JsonataExpressions.expressionIn(condition.get()).isEmpty()) {
                    rule.problem("Condition", "The field 'Condition' must be a boolean or a JSONata expression");
                }
                jsonata(rule, "Condition");
                branches.add(new State.ChoiceBranch(new ChoiceRule.Condition(condition.orElse(Json.NODES.booleanNode(false))),
                        next, assign, jsonata(rule, "Output")));
            } else {
                branches.add(new State.ChoiceBranch(choiceRule(rule, true), next, assign, Optional.empty()));
            }
        }
        return new State.Choice(common, branches, fields.text("Default"));
    }

    private ChoiceRule choiceRule(FieldReader fields, boolean topLevel) {
        Set<String> structural = topLevel ? Set.of("Next", "Assign", "Comment") : Set.of("Comment");
        if (!topLevel && fields.has("Next")) {
            fields.problem("Next", "A nested choice rule cannot have 'Next'");
        }
        if (fields.has("And") || fields.has("Or")) {
            String combinator = fields.has("And") ? "And" : "Or";
            List<ChoiceRule> rules = fields.objects(combinator).stream().map(nested -> choiceRule(nested, false)).toList();
            onlyFields(fields, structural, combinator);
            return combinator.equals("And") ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules);
        }
        if (fields.has("Not")) {
            onlyFields(fields, structural, "Not");
            return fields.object("Not").map(not -> choiceRule(fields.nested(not, "Not"), false))
                    .<ChoiceRule>map(ChoiceRule.Not::new)
                    .orElse(new ChoiceRule.And(List.of()));
        }
        String variable = fields.requiredText("Variable").orElse("$");
        if (!JsonPathScope.isValidPath(variable)) {
            fields.problem("Variable", "The value for the field 'Variable' must be a valid JSONPath");
        }
        List<ComparisonOperator.Match> operators = new ArrayList<>();
        for (var field : fields.node().properties()) {
            if (!structural.contains(field.getKey()) && !field.getKey().equals("Variable")) {
                ComparisonOperator.forField(field.getKey()).ifPresentOrElse(operators::add,
                        () -> fields.problem(field.getKey(), "Field '" + field.getKey() + "' is not a comparison operator"));
            }
        }
        if (operators.size() != 1) {
            fields.problem("A choice rule must have exactly one comparison operator");
            return new ChoiceRule.And(List.of());
        }
        ComparisonOperator.Match match = operators.getFirst();
        String field = match.operator().aslName() + (match.withPath() ? "Path" : "");
        JsonNode value = fields.raw(field).orElseThrow();
        checkComparisonValue(fields, field, match, value);
        return new ChoiceRule.Comparison(variable, match.operator(), match.withPath(), value);
    }

    private void checkComparisonValue(FieldReader fields, String field, ComparisonOperator.Match match, JsonNode value) {
        if (match.withPath()) {
            if (!value.isTextual() || !JsonPathScope.isValidPath(value.textValue())) {
                fields.problem(field, "The value for the field '" + field + "' must be a valid JSONPath");
            }
            return;
        }
        boolean valid = switch (match.operator().kind()) {
            case STRING -> value.isTextual();
            case NUMBER -> value.isNumber();
            case BOOLEAN, TYPE_TEST -> value.isBoolean();
            case TIMESTAMP -> value.isTextual() && isTimestamp(value.textValue());
        };
        if (!valid) {
            fields.problem(field, "The value for the field '" + field + "' has the wrong type");
        }
    }

    private void onlyFields(FieldReader fields, Set<String> structural, String combinator) {
        for (var field : fields.node().properties()) {
            if (!structural.contains(field.getKey()) && !field.getKey().equals(combinator)) {
                fields.problem(field.getKey(), "Field '" + field.getKey() + "' cannot be combined with '" + combinator + "'");
            }
        }
    }

    private State.Wait waitState(State.Common common, FieldReader fields) {
        long given = Stream.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")
                .filter(fields::has).count();
        if (given != 1) {
            fields.problem("Exactly one of 'Seconds', 'Timestamp', 'SecondsPath' or 'TimestampPath' must be specified");
        }
        Optional<JsonNode> seconds = seconds(fields, "Seconds", 0, common.language());
        Optional<JsonNode> timestamp = fields.raw("Timestamp");
        if (timestamp.isPresent() && JsonataExpressions.expressionIn(timestamp.get()).isEmpty()
                && !(timestamp.get().isTextual() && isTimestamp(timestamp.get().textValue()))) {
            fields.problem("Timestamp", "The field 'Timestamp' must be an ISO-8601 extended offset date-time");
        }
        if (common.language() == QueryLanguage.JSONATA) {
            timestamp = jsonata(fields, "Timestamp");
        }
        return new State.Wait(common, seconds, timestamp, dynamicPath(fields, "SecondsPath"),
                dynamicPath(fields, "TimestampPath"));
    }

    private State.Fail fail(State.Common common, FieldReader fields) {
        if (fields.has("Error") && fields.has("ErrorPath")) {
            fields.problem("Only one of 'Error' and 'ErrorPath' may be specified");
        }
        if (fields.has("Cause") && fields.has("CausePath")) {
            fields.problem("Only one of 'Cause' and 'CausePath' may be specified");
        }
        Optional<JsonNode> error = fields.raw("Error");
        Optional<JsonNode> cause = fields.raw("Cause");
        error.filter(e -> !e.isTextual()).ifPresent(e -> fields.problem("Error", "The field 'Error' must be a string"));
        cause.filter(c -> !c.isTextual()).ifPresent(c -> fields.problem("Cause", "The field 'Cause' must be a string"));
        if (common.language() == QueryLanguage.JSONATA) {
            jsonata(fields, "Error");
            jsonata(fields, "Cause");
        }
        return new State.Fail(common, error, cause, pathOrCall(fields, "ErrorPath"), pathOrCall(fields, "CausePath"));
    }

    private Optional<String> pathOrCall(FieldReader fields, String field) {
        Optional<String> value = fields.text(field);
        value.filter(v -> !PayloadTemplate.isValidExpression(v)).ifPresent(v -> fields.problem(field,
                "The value for the field '" + field + "' must be a valid JSONPath or a valid intrinsic function call"));
        return value;
    }

    private State.Parallel parallel(State.Common common, FieldReader fields) {
        if (!fields.has("Branches")) {
            fields.problem("These fields are required: [Branches]");
        }
        List<StateGraph> branches = new ArrayList<>();
        for (FieldReader branch : fields.objects("Branches")) {
            rejectUnknown(branch, GRAPH_FIELDS, "branch");
            branches.add(graph(branch, queryLanguage(branch, common.language())));
        }
        return new State.Parallel(common, branches, errorHandling(fields, common));
    }

    private State.Map map(State.Common common, FieldReader fields) {
        String processorField = fields.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        StateGraph processor = fields.object(processorField).map(written -> {
            FieldReader processorFields = fields.nested(written, processorField);
            rejectUnknown(processorFields, GRAPH_FIELDS, processorField);
            processorFields.object("ProcessorConfig").ifPresent(config -> config.properties().forEach(e -> {
                if (e.getKey().equals("Mode") && !e.getValue().asText().equals("INLINE")) {
                    processorFields.problem("ProcessorConfig", "Only INLINE Map states are supported by the local runner");
                }
            }));
            return graph(processorFields, queryLanguage(processorFields, common.language()));
        }).orElse(null);
        if (processor == null) {
            fields.problem("These fields are required: [ItemProcessor]");
            processor = new StateGraph("", Map.of());
        }
        if (fields.has("ItemSelector") && fields.has("Parameters")) {
            fields.problem("Only one of 'ItemSelector' and 'Parameters' may be specified");
        }
        boolean jsonata = common.language() == QueryLanguage.JSONATA;
        Optional<JsonNode> selector = jsonata ? jsonata(fields, "ItemSelector")
                : template(fields, "ItemSelector").or(() -> fields.raw("Parameters"));
        Optional<JsonNode> maxConcurrency = seconds(fields, "MaxConcurrency", 0, common.language());
        Optional<String> itemsPath = jsonata ? Optional.empty() : dynamicPath(fields, "ItemsPath");
        State.Common withoutParameters = new State.Common(common.name(), common.type(), common.language(),
                common.next(), new State.Io(common.io().inputPath(), common.io().outputPath(), common.io().resultPath(),
                Optional.empty(), common.io().resultSelector(), common.io().arguments(), common.io().output()),
                common.assign());
        return new State.Map(withoutParameters, itemsPath, jsonata ? jsonata(fields, "Items") : Optional.empty(),
                selector, processor, maxConcurrency, dynamicPath(fields, "MaxConcurrencyPath"),
                errorHandling(fields, common));
    }

    private void rejectUnknown(FieldReader fields, Set<String> allowed, String what) {
        for (var field : fields.node().properties()) {
            if (!allowed.contains(field.getKey())) {
                fields.problem(field.getKey(), "Field '" + field.getKey() + "' is not supported"
                        + (what.isEmpty() ? "" : " in a " + what));
            }
        }
    }

    static boolean isTimestamp(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
