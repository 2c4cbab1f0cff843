package dev.orderflow.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The ${...} placeholders are exactly the ones Pulumi and the local runner fill in, and filling them in keeps the document valid. */
class PlaceholderTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

    @Test
    void everyPlaceholder_isAKnownFunctionArn() {
        assertThat(placeholdersUsed()).isSubsetOf(OrderWorkflow.FAKE_ARNS.keySet());
    }

    @Test
    void everyKnownPlaceholder_isUsed() {
        assertThat(placeholdersUsed()).containsAll(OrderWorkflow.FAKE_ARNS.keySet());
    }

    @Test
    void substitutedDefinition_isStillValidJson_withNoPlaceholderLeft() {
        String substituted = OrderWorkflow.substituted();

        assertThatCode(() -> OrderWorkflow.parse(substituted)).doesNotThrowAnyException();
        assertThat(substituted).doesNotContain("${");
    }

    @Test
    void everyTask_invokesAFunctionNamedByAPlaceholder() {
        OrderWorkflow.tasks().forEach((name, task) -> {
            JsonNode arguments = task.path("Arguments");

            assertThat(task.path("Resource").asText()).as(name).isEqualTo("arn:aws:states:::lambda:invoke");
            assertThat(arguments.path("FunctionName").asText()).as(name).isIn(OrderWorkflow.FAKE_ARNS.keySet());
            assertThat(arguments.path("Payload").isObject()).as("%s sends an object payload", name).isTrue();
        });
    }

    private static LinkedHashSet<String> placeholdersUsed() {
        var used = new LinkedHashSet<String>();
        PLACEHOLDER.matcher(OrderWorkflow.text()).results().forEach(match -> used.add(match.group()));
        return used;
    }
}
