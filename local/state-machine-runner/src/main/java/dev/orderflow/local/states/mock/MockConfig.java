package dev.orderflow.local.states.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Step Functions Local mock configuration ({@code MockConfigFile.json}): per state machine, test cases that map
 * Task state names to mocked responses; each mocked response says what each invocation of the task returns or
 * throws. An execution selects a test case with {@code <stateMachineArn>#<TestCase>}.
 */
public final class MockConfig {

    private final Map<String, Map<String, MockTestCase>> testCases;

    private MockConfig(Map<String, Map<String, MockTestCase>> testCases) {
        this.testCases = testCases;
    }

    public static MockConfig load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mock config " + file, e);
        }
    }

    /**
     * Parses and checks a mock config.
     *
     * @throws IllegalArgumentException naming what is wrong and where
     */
    public static MockConfig parse(String json) {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The mock config is not valid JSON: " + e.getMessage(), e);
        }
        Map<String, MockedResponse> responses = new LinkedHashMap<>();
        object(root.get("MockedResponses"), "MockedResponses").properties().forEach(e ->
                responses.put(e.getKey(), MockedResponse.parse(e.getKey(), e.getValue())));
        Map<String, Map<String, MockTestCase>> machines = new LinkedHashMap<>();
        object(root.get("StateMachines"), "StateMachines").properties().forEach(machine -> {
            String machineName = machine.getKey();
            JsonNode cases = object(machine.getValue().get("TestCases"), "StateMachines." + machineName + ".TestCases");
            Map<String, MockTestCase> byName = new LinkedHashMap<>();
            cases.properties().forEach(testCase -> {
                Map<String, MockedResponse> states = new LinkedHashMap<>();
                object(testCase.getValue(), "test case " + testCase.getKey()).properties().forEach(state -> {
                    String responseName = state.getValue().asText();
                    MockedResponse response = responses.get(responseName);
                    if (response == null) {
                        throw new IllegalArgumentException("Test case '" + testCase.getKey() + "' of state machine '"
                                + machineName + "' uses the mocked response '" + responseName
                                + "', which MockedResponses does not define");
                    }
                    states.put(state.getKey(), response);
                });
                byName.put(testCase.getKey(), new MockTestCase(machineName, testCase.getKey(), states));
            });
            machines.put(machineName, byName);
        });
        return new MockConfig(machines);
    }

    /** The test case {@code testCase} of the state machine called {@code stateMachineName}. */
    public Optional<MockTestCase> testCase(String stateMachineName, String testCase) {
        return Optional.ofNullable(testCases.getOrDefault(stateMachineName, Map.of()).get(testCase));
    }

    public List<String> testCaseNames(String stateMachineName) {
        return new ArrayList<>(testCases.getOrDefault(stateMachineName, Map.of()).keySet());
    }

    private static JsonNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("The mock config needs '" + what + "' as a JSON object");
        }
        return node;
    }
}
