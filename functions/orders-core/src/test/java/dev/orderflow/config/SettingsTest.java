package dev.orderflow.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private static final String TABLE = "ORDERS_TABLE";

    @Test
    void required_whenTheVariableIsSet_returnsItsValue() {
        assertThat(Settings.of(Map.of(TABLE, "orderflow-orders")).required(TABLE)).isEqualTo("orderflow-orders");
    }

    @Test
    void required_whenTheValueHasSurroundingWhitespace_returnsItStripped() {
        assertThat(Settings.of(Map.of(TABLE, "  orderflow-orders\n")).required(TABLE)).isEqualTo("orderflow-orders");
    }

    @Test
    void required_whenTheVariableIsMissing_failsNamingIt() {
        Settings settings = Settings.of(Map.of("OTHER_TABLE", "orderflow-orders"));

        assertThatThrownBy(() -> settings.required(TABLE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(TABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void required_whenTheVariableIsBlank_failsAsIfItWereMissing(String blank) {
        Settings settings = Settings.of(Map.of(TABLE, blank));

        assertThatThrownBy(() -> settings.required(TABLE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(TABLE);
    }

    @Test
    void optional_whenTheVariableIsSet_hasItsValue() {
        assertThat(Settings.of(Map.of("ENDPOINT_OVERRIDE", "http://localhost:8000")).optional("ENDPOINT_OVERRIDE"))
                .contains("http://localhost:8000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n"})
    void optional_whenTheVariableIsBlank_isEmpty(String blank) {
        assertThat(Settings.of(Map.of("ENDPOINT_OVERRIDE", blank)).optional("ENDPOINT_OVERRIDE")).isEmpty();
    }

    @Test
    void optional_whenTheVariableIsMissing_isEmpty() {
        assertThat(Settings.of(Map.of()).optional("ENDPOINT_OVERRIDE")).isEmpty();
    }

    @Test
    void of_readsTheVariablesOnce_soLaterChangesToTheMapDoNotShowThrough() {
        Map<String, String> variables = new HashMap<>(Map.of(TABLE, "orderflow-orders"));
        Settings settings = Settings.of(variables);

        variables.put(TABLE, "someone-elses-table");

        assertThat(settings.required(TABLE)).isEqualTo("orderflow-orders");
    }
}
