package dev.orderflow.local.states;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefinitionPlaceholdersTest {

    private final String workflow = WorkflowTester.resource("orderflow/statemachine/order-workflow.asl.json");

    @Test
    void substitute_replacesEveryPlaceholderOfTheOrderWorkflow() {
        assertThat(DefinitionPlaceholders.names(workflow))
                .containsExactly("PersistOrderFunctionArn", "ValidateOrderFunctionArn");

        String substituted = DefinitionPlaceholders.substitute(workflow, Map.of(
                "PersistOrderFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:persist",
                "ValidateOrderFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:validate"));

        assertThat(substituted).doesNotContain("${").contains("function:persist\"").contains("function:validate\"");
    }

    @Test
    void missingValue_isAnErrorNamingThePlaceholder() {
        assertThatThrownBy(() -> DefinitionPlaceholders.substitute(workflow, Map.of("PersistOrderFunctionArn", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No value for the definition placeholder(s) [ValidateOrderFunctionArn]");
    }

    @Test
    void valuesAreInsertedLiterally() {
        assertThat(DefinitionPlaceholders.substitute("\"${A}\"", Map.of("A", "$1 \\ $2"))).isEqualTo("\"$1 \\ $2\"");
    }
}
