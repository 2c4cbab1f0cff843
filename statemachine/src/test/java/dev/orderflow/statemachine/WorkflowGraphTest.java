package dev.orderflow.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The workflow is a well-formed graph: it starts somewhere real, every arrow lands, and every path ends. */
class WorkflowGraphTest {

    private static final Set<String> TERMINAL_TYPES = Set.of("Succeed", "Fail");

    @Test
    void definition_isJsonThatStartsAtAState() {
        JsonNode definition = OrderWorkflow.definition();

        assertThat(definition.path("States").isObject()).isTrue();
        assertThat(OrderWorkflow.states()).containsKey(definition.path("StartAt").asText());
    }

    @Test
    void everyNext_namesAState() {
        var names = OrderWorkflow.states().keySet();

        OrderWorkflow.states().forEach((name, state) -> assertThat(OrderWorkflow.transitions(state))
                .as("transitions of %s", name)
                .allSatisfy(target -> assertThat(names).contains(target)));
    }

    @Test
    void everyState_isReachableFromStartAt() {
        var reached = new HashSet<String>();
        var pending = new ArrayDeque<String>();
        pending.add(OrderWorkflow.definition().path("StartAt").asText());
        while (!pending.isEmpty()) {
            String name = pending.poll();
            if (reached.add(name)) {
                pending.addAll(OrderWorkflow.transitions(OrderWorkflow.state(name)));
            }
        }

        assertThat(reached).containsExactlyInAnyOrderElementsOf(OrderWorkflow.states().keySet());
    }

    @Test
    void everyState_hasAWayOut() {
        OrderWorkflow.states().forEach((name, state) -> {
            String type = state.path("Type").asText();
            if (TERMINAL_TYPES.contains(type)) {
                assertThat(state.has("Next") || state.has("End")).as("%s is terminal by type", name).isFalse();
            } else if (type.equals("Choice")) {
                assertThat(state.path("Choices").isEmpty()).as("%s has rules", name).isFalse();
                assertThat(state.has("Default")).as("%s has a Default, so no input is left without a way", name)
                        .isTrue();
            } else {
                assertThat(state.has("Next") || state.path("End").asBoolean())
                        .as("%s has Next or End: true", name)
                        .isTrue();
            }
        });
    }

    @Test
    void noState_isBothEndAndNext() {
        OrderWorkflow.states().forEach((name, state) ->
                assertThat(state.has("End") && state.has("Next")).as(name).isFalse());
    }

    @Test
    void stateNames_fitTheEightyCharacterLimit() {
        assertThat(OrderWorkflow.states().keySet()).allSatisfy(name -> assertThat(name).hasSizeBetween(1, 80));
    }
}
