package dev.orderflow.local.states.mock;

import java.util.Map;
import java.util.Optional;

/** One test case: which Task states are mocked, and with which responses. */
public record MockTestCase(String stateMachineName, String name, Map<String, MockedResponse> responses) {

    public MockTestCase {
        responses = Map.copyOf(responses);
    }

    public Optional<MockedResponse> responseFor(String stateName) {
        return Optional.ofNullable(responses.get(stateName));
    }
}
