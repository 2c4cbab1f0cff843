package dev.orderflow.local.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.regex.RegularExpression;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EcmaScriptPatternsTest {

    @Test
    void dollar_matchesOnlyAtTheEndOfTheValue_notBeforeAFinalNewline() {
        RegularExpression identifier = EcmaScriptPatterns.INSTANCE.getRegularExpression("^[A-Za-z0-9_-]{1,64}$");

        assertThat(identifier.matches("luigis-pizzeria")).isTrue();
        assertThat(identifier.matches("luigis-pizzeria\n")).isFalse();
        assertThat(identifier.matches("luigis-pizzeria\r\n")).isFalse();
    }

    @Test
    void onlyAnchoringDollarsChange_notEscapedOnesOrThoseInACharacterClass() {
        assertThat(EcmaScriptPatterns.withEndOfInputAnchors("^a$")).isEqualTo("^a\\z");
        assertThat(EcmaScriptPatterns.withEndOfInputAnchors("^\\$[0-9]+$")).isEqualTo("^\\$[0-9]+\\z");
        assertThat(EcmaScriptPatterns.withEndOfInputAnchors("^[$\\]]+$")).isEqualTo("^[$\\]]+\\z");
        assertThat(EcmaScriptPatterns.withEndOfInputAnchors("^\\\\$")).isEqualTo("^\\\\\\z");
    }

    @Test
    void unanchoredPattern_isStillSearchedAnywhereInTheValue() {
        assertThat(EcmaScriptPatterns.INSTANCE.getRegularExpression("[0-9]").matches("abc1def")).isTrue();
    }

    @Test
    void documentSchemas_refuseAnIdentifierEndingInANewline() {
        Operation placeOrder = ApiDocument.fromClasspath(Deployment.local("eu-west-1", "orders").placeholders())
                .operations().stream().filter(operation -> operation.name().equals("POST /orders")).findFirst().orElseThrow();
        JsonSchema schema = placeOrder.bodySchemas().get("application/json");
        ObjectNode order = new ObjectMapper().createObjectNode().put("restaurantId", "luigis-pizzeria\n");
        order.putArray("items").addObject().put("menuItemId", "margherita").put("quantity", 1);

        assertThat(schema.validate(order)).extracting(ValidationMessage::getMessage)
                .singleElement().asString().startsWith("$.restaurantId: does not match the regex pattern");
    }
}
