package dev.orderflow.bench.cost;

import dev.orderflow.workflow.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowPathTest {

    @Test
    void theOrderWorkflowsHappyPath_isFiveStates_threeOfThemLambdaTasks() {
        WorkflowPath path = WorkflowPath.orderWorkflow();

        assertThat(path.states()).containsExactly("RecordChange", "IsRecorded", "Validate", "IsValid", "RecordConfirmed");
        assertThat(path.lambdaTasks()).containsExactly("RecordChange", "Validate", "RecordConfirmed");
        assertThat(path.transitions()).isEqualTo(5);
    }

    @Test
    void aPathEndsAtSucceed_andFollowsAChoicesFirstRule() throws IOException {
        WorkflowPath path = WorkflowPath.happyPath(Json.MAPPER.readTree("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Next": "B"},
                  "B": {"Type": "Choice", "Choices": [{"Next": "C"}], "Default": "D"},
                  "C": {"Type": "Succeed"},
                  "D": {"Type": "Fail"}}}
                """));

        assertThat(path.states()).containsExactly("A", "B", "C");
        assertThat(path.lambdaTasks()).isEmpty();
    }
}
