package dev.orderflow.statemachine;

import static dev.orderflow.statemachine.Events.json;
import static dev.orderflow.statemachine.Events.lambdaInvokeResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each state's expressions, evaluated on sample data as Step Functions evaluates them: the payloads the functions
 * receive, the variables kept between states, and the way each Choice routes.
 */
class StateExpressionsTest {

    private static final JsonNode CHANGE = Events.orderChange();
    private static final String ORDER_ID = CHANGE.path("orderId").asText();
    private static final String USER_ID = CHANGE.path("userId").asText();
    private static final Map<String, JsonNode> VERSION_3 = Map.of("version", json("3"));

    private static final JsonNode PRICING = json("""
            {"currency": "EUR", "lines": [{"menuItemId": "pizza-margherita", "quantity": 2, "unitPrice": 950,
             "lineTotal": 1900}, {"menuItemId": "tiramisu", "quantity": 1, "unitPrice": 650, "lineTotal": 650}],
             "total": 2550}""");
    private static final JsonNode REASONS = json("""
            [{"code": "ITEM_UNAVAILABLE", "message": "tiramisu is sold out", "menuItemId": "tiramisu"}]""");
    private static final JsonNode STORE_UNAVAILABLE = json("""
            {"Error": "dev.orderflow.ports.StoreUnavailableException",
             "Cause": "{\\"errorMessage\\":\\"orders table throttled\\"}"}""");

    @Test
    void recordChange_sendsTheWholeChange() {
        JsonNode arguments = evaluate("RecordChange", "Arguments", entering("RecordChange", CHANGE), Map.of());

        assertThat(arguments).isEqualTo(json("""
                {"FunctionName": "${PersistOrderFunctionArn}", "Payload": {"action": "RECORD", "change": %s}}"""
                .formatted(CHANGE)));
    }

    @Test
    void recordChange_keepsTheRecordedVersion_andPassesThePersistResultOn() {
        String recorded = persistResult("RECORDED", "3");
        var states = entering("RecordChange", CHANGE).withResult(lambdaInvokeResult(recorded));

        assertThat(evaluate("RecordChange", "Assign", states, Map.of())).isEqualTo(json("{\"version\": 3}"));
        assertThat(evaluate("RecordChange", "Output", states, Map.of())).isEqualTo(json(recorded));
    }

    @Test
    void recordChange_keepsANullVersion_whenTheChangeWasNotApplied() {
        var states = entering("RecordChange", CHANGE).withResult(lambdaInvokeResult(persistResult("NOT_FOUND", "null")));

        assertThat(evaluate("RecordChange", "Assign", states, Map.of())).isEqualTo(json("{\"version\": null}"));
    }

    @ParameterizedTest
    @CsvSource({"RECORDED, Validate", "NOT_FOUND, ChangeNotApplied", "DELETED, ChangeNotApplied",
            "STALE, ChangeNotApplied"})
    void isRecorded_validatesOnlyARecordedChange(String outcome, String next) {
        assertThat(choose("IsRecorded", json(persistResult(outcome, "null")))).isEqualTo(next);
    }

    @Test
    void changeNotApplied_endsTheExecutionWithThePersistResult() {
        JsonNode notFound = json(persistResult("NOT_FOUND", "null"));

        assertThat(evaluate("ChangeNotApplied", "Output", entering("ChangeNotApplied", notFound), Map.of()))
                .isEqualTo(notFound);
    }

    @Test
    void validate_sendsTheOrderIdAndTheOrderAsReceived() {
        JsonNode recorded = json(persistResult("RECORDED", "3"));

        JsonNode arguments = evaluate("Validate", "Arguments", entering("Validate", recorded), VERSION_3);

        assertThat(arguments).isEqualTo(json("""
                {"FunctionName": "${ValidateOrderFunctionArn}", "Payload": {"orderId": "%s", "order": %s}}"""
                .formatted(ORDER_ID, CHANGE.path("order"))));
    }

    @Test
    void isValid_confirmsAValidOrder_andRejectsAnInvalidOne() {
        assertThat(choose("IsValid", validResult())).isEqualTo("RecordConfirmed");
        assertThat(choose("IsValid", invalidResult())).isEqualTo("RecordRejected");
    }

    @Test
    void recordConfirmed_sendsThePricingForTheRecordedVersion() {
        JsonNode payload = persistPayloadSentBy("RecordConfirmed", validResult(), VERSION_3);

        assertThat(payload).isEqualTo(json("""
                {"action": "CONFIRM", "userId": "%s", "orderId": "%s", "version": 3, "pricing": %s}"""
                .formatted(USER_ID, ORDER_ID, PRICING)));
    }

    @Test
    void recordRejected_sendsTheReasonsForTheRecordedVersion() {
        JsonNode payload = persistPayloadSentBy("RecordRejected", invalidResult(), VERSION_3);

        assertThat(payload).isEqualTo(json("""
                {"action": "REJECT", "userId": "%s", "orderId": "%s", "version": 3, "reasons": %s}"""
                .formatted(USER_ID, ORDER_ID, REASONS)));
    }

    @Test
    void everyTask_outputsWhatItsFunctionReturned() {
        String returned = persistResult("CONFIRMED", "3");

        OrderWorkflow.tasks().forEach((name, task) -> {
            var states = entering(name, CHANGE).withResult(lambdaInvokeResult(returned));

            assertThat(StepFunctionsJsonata.evaluate(task.path("Output"), states, VERSION_3)).as(name)
                    .isEqualTo(json(returned));
        });
    }

    @Test
    void everyCatcher_keepsTheErrorForRecordFailed() {
        OrderWorkflow.tasks().forEach((name, task) -> task.path("Catch").forEach(catcher -> {
            var states = entering(name, CHANGE).withErrorOutput(STORE_UNAVAILABLE);

            JsonNode assigned = StepFunctionsJsonata.evaluate(catcher.path("Assign"), states, VERSION_3);

            assertThat(assigned.path("failure")).as(name).isEqualTo(STORE_UNAVAILABLE);
        }));
    }

    @Test
    void recordFailed_sendsTheChangeTheVersionAndTheError() {
        var variables = Map.of("version", json("3"), "failure", STORE_UNAVAILABLE);

        JsonNode payload = persistPayloadSentBy("RecordFailed", STORE_UNAVAILABLE, variables);

        assertThat(payload).isEqualTo(json("""
                {"action": "FAIL", "change": %s, "version": 3, "error": %s}""".formatted(CHANGE, STORE_UNAVAILABLE)));
    }

    @Test
    void recordFailed_sendsANullVersion_whenRecordChangeItselfFailed() {
        var states = entering("RecordChange", CHANGE).withErrorOutput(STORE_UNAVAILABLE);
        JsonNode catcher = OrderWorkflow.state("RecordChange").path("Catch").path(0);
        Map<String, JsonNode> variables = fields(StepFunctionsJsonata.evaluate(catcher.path("Assign"), states, Map.of()));

        JsonNode payload = persistPayloadSentBy("RecordFailed", STORE_UNAVAILABLE, variables);

        assertThat(payload.get("version")).isEqualTo(NullNode.getInstance());
        assertThat(payload.path("error")).isEqualTo(STORE_UNAVAILABLE);
    }

    @Test
    void orderFailed_namesTheCaughtError() {
        JsonNode orderFailed = OrderWorkflow.state("OrderFailed");
        var states = entering("OrderFailed", json(persistResult("FAILED", "3")));

        JsonNode cause = StepFunctionsJsonata.evaluate(orderFailed.path("Cause"), states, Map.of("failure", STORE_UNAVAILABLE));

        assertThat(orderFailed.path("Error").asText()).isEqualTo("OrderFailed");
        assertThat(cause.asText()).isEqualTo(
                "dev.orderflow.ports.StoreUnavailableException: {\"errorMessage\":\"orders table throttled\"}");
    }

    @Test
    void orderFailed_stillHasACause_whenTheErrorCameWithoutOne() {
        var states = entering("OrderFailed", json(persistResult("FAILED", "null")));
        var failure = Map.of("failure", json("{\"Error\": \"States.Timeout\"}"));

        JsonNode cause = StepFunctionsJsonata.evaluate(OrderWorkflow.state("OrderFailed").path("Cause"), states, failure);

        assertThat(cause.asText()).isEqualTo("States.Timeout");
    }

    private static StatesBinding entering(String stateName, JsonNode input) {
        return StatesBinding.entering(stateName, CHANGE, input);
    }

    private static JsonNode evaluate(String stateName, String field, StatesBinding states, Map<String, JsonNode> variables) {
        return StepFunctionsJsonata.evaluate(OrderWorkflow.state(stateName).path(field), states, variables);
    }

    /** The Payload a task sends to persist-order when it is entered with {@code input}. */
    private static JsonNode persistPayloadSentBy(String taskName, JsonNode input, Map<String, JsonNode> variables) {
        JsonNode arguments = evaluate(taskName, "Arguments", entering(taskName, input), variables);
        assertThat(arguments.path("FunctionName").asText()).as(taskName).isEqualTo("${PersistOrderFunctionArn}");
        return arguments.path("Payload");
    }

    /** The state a Choice goes to: the first rule whose Condition is true, else Default. */
    private static String choose(String choiceName, JsonNode input) {
        JsonNode choice = OrderWorkflow.state(choiceName);
        for (JsonNode rule : choice.path("Choices")) {
            JsonNode matched = StepFunctionsJsonata.evaluate(rule.path("Condition"), entering(choiceName, input), Map.of());
            assertThat(matched.isBoolean()).as("%s Condition yields a boolean", choiceName).isTrue();
            if (matched.asBoolean()) {
                return rule.path("Next").asText();
            }
        }
        return choice.path("Default").asText();
    }

    private static String persistResult(String outcome, String version) {
        return """
                {"outcome": "%s", "orderId": "%s", "userId": "%s", "version": %s}"""
                .formatted(outcome, ORDER_ID, USER_ID, version);
    }

    private static JsonNode validResult() {
        ObjectNode result = (ObjectNode) json("{\"valid\": true}");
        return result.set("pricing", PRICING);
    }

    private static JsonNode invalidResult() {
        ObjectNode result = (ObjectNode) json("{\"valid\": false}");
        return result.set("reasons", REASONS);
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        var fields = new HashMap<String, JsonNode>();
        object.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }
}
