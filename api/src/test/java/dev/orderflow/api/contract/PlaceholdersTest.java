package dev.orderflow.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dollar-brace placeholders are for deployment only: Pulumi substitutes exactly these six. A VTL
 * reference written in braces would look like one, so the templates must not use that form.
 */
class PlaceholdersTest {

    private static final Set<String> KNOWN = Set.of(
            "AwsRegion", "AccountId", "OrdersQueueName", "ApiGatewayQueueRoleArn", "UserPoolArn", "OrdersApiFunctionArn");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    @Test
    void everyPlaceholder_anywhereInTheFile_isAKnownOne() {
        assertThat(placeholdersIn(OpenApiDocument.text())).isSubsetOf(KNOWN);
    }

    @Test
    void everyKnownPlaceholder_isUsedInTheDocumentItself() {
        Set<String> used = new TreeSet<>();
        collectPlaceholders(OpenApiDocument.tree(), used);

        assertThat(used).containsExactlyInAnyOrderElementsOf(KNOWN);
    }

    @Test
    void dollarBraceOutsideAPlaceholder_isNowhere() {
        String withoutPlaceholders = PLACEHOLDER.matcher(OpenApiDocument.text()).replaceAll("");

        assertThat(withoutPlaceholders).doesNotContain("${");
    }

    /** Values only, so that the file's comments do not count as use. */
    private static void collectPlaceholders(JsonNode node, Set<String> found) {
        if (node.isTextual()) {
            found.addAll(placeholdersIn(node.asText()));
        }
        node.forEach(child -> collectPlaceholders(child, found));
    }

    private static Set<String> placeholdersIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
