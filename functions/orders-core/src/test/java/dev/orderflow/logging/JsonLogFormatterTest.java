package dev.orderflow.logging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static dev.orderflow.logging.LogField.field;
import static org.assertj.core.api.Assertions.assertThat;

class JsonLogFormatterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AWKWARD = "say \"hi\" \\ back\nline two\r\ttab \u0000 nul \u0007 bell \u001f unit";

    private final JsonLogFormatter formatter = new JsonLogFormatter();

    @Test
    void format_writesOneJsonObjectOnOneLineWithTimestampLevelLoggerAndMessage() {
        LogRecord record = record(Level.INFO, "workflow started");

        String line = formatter.format(record);

        assertThat(line).endsWith("\n").containsOnlyOnce("\n");
        JsonNode json = parse(line);
        assertThat(json.get("timestamp").asText()).isEqualTo("2026-11-22T10:15:30.123Z");
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("logger").asText()).isEqualTo("dev.orderflow.workflow.StartWorkflowHandler");
        assertThat(json.get("message").asText()).isEqualTo("workflow started");
        assertThat(json.has("errorType")).isFalse();
    }

    @Test
    void format_whenParametersAreLogFields_substitutesThemAndAddsEachAsATopLevelField() {
        LogRecord record = record(Level.INFO, "recorded {0}: {1}",
                field("orderId", "7c9e6679-7425-40de-944b-e07fc1f90ae7"), field("outcome", "CONFIRMED"));

        JsonNode json = parse(formatter.format(record));

        assertThat(json.get("message").asText()).isEqualTo("recorded 7c9e6679-7425-40de-944b-e07fc1f90ae7: CONFIRMED");
        assertThat(json.get("orderId").asText()).isEqualTo("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        assertThat(json.get("outcome").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void format_whenParametersAreNotLogFields_substitutesThemButAddsNoField() {
        LogRecord record = record(Level.WARNING, "retrying in {0} ms", 250);

        JsonNode json = parse(formatter.format(record));

        assertThat(json.get("message").asText()).isEqualTo("retrying in 250 ms");
        assertThat(json.properties()).extracting(Map.Entry::getKey)
                .containsExactly("timestamp", "level", "logger", "message");
    }

    @Test
    void format_whenTheMessageIsNotAValidPattern_keepsItAsWritten() {
        LogRecord record = record(Level.INFO, "unbalanced {0", field("orderId", "order-7"));

        JsonNode json = parse(formatter.format(record));

        assertThat(json.get("message").asText()).isEqualTo("unbalanced {0");
        assertThat(json.get("orderId").asText()).isEqualTo("order-7");
    }

    @Test
    void format_escapesQuotesBackslashesNewlinesAndControlCharacters() {
        LogRecord record = record(Level.INFO, AWKWARD + " {0}", field("notes", AWKWARD));

        String line = formatter.format(record);

        assertThat(line).containsOnlyOnce("\n").doesNotContain("\r", "\t", "\u0000", "\u0007", "\u001f");
        JsonNode json = parse(line);
        assertThat(json.get("message").asText()).isEqualTo(AWKWARD + " " + AWKWARD);
        assertThat(json.get("notes").asText()).isEqualTo(AWKWARD);
    }

    @Test
    void format_whenAThrowableIsAttached_addsItsTypeAndStackTrace() {
        LogRecord record = record(Level.SEVERE, "could not record {0}", field("orderId", "order-7"));
        record.setThrown(new IllegalStateException("table \"orders\" is gone", new RuntimeException("cause")));

        JsonNode json = parse(formatter.format(record));

        assertThat(json.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.get("stackTrace").asText())
                .startsWith("java.lang.IllegalStateException: table \"orders\" is gone")
                .contains("at dev.orderflow.logging.JsonLogFormatterTest.")
                .contains("Caused by: java.lang.RuntimeException: cause");
    }

    @Test
    void format_whenTheLoggerHasNoName_writesAnEmptyOne() {
        LogRecord record = record(Level.FINE, "anonymous");
        record.setLoggerName(null);

        assertThat(parse(formatter.format(record)).get("logger").asText()).isEmpty();
    }

    private static LogRecord record(Level level, String message, Object... parameters) {
        LogRecord record = new LogRecord(level, message);
        record.setInstant(Instant.parse("2026-11-22T10:15:30.123Z"));
        record.setLoggerName("dev.orderflow.workflow.StartWorkflowHandler");
        record.setParameters(parameters.length == 0 ? null : parameters);
        return record;
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode json = JSON.readTree(line);
            assertThat(json.isObject()).as("a JSON object: %s", line).isTrue();
            return json;
        } catch (JsonProcessingException e) {
            throw new AssertionError("not valid JSON: " + line, e);
        }
    }
}
