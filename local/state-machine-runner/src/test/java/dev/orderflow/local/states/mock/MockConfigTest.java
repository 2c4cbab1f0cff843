package dev.orderflow.local.states.mock;

import dev.orderflow.local.states.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Step Functions Local's mock-config format: test cases, mocked responses, invocation indexes and ranges. */
class MockConfigTest {

    private static final String CONFIG = """
            {"StateMachines": {"LambdaSQSIntegration": {"TestCases": {
               "HappyPath": {"LambdaState": "MockedLambdaSuccess"},
               "RetryPath": {"LambdaState": "MockedLambdaRetry"}}}},
             "MockedResponses": {
               "MockedLambdaSuccess": {"0": {"Return": {"StatusCode": 200, "Payload": {"body": "Hello from Lambda!"}}}},
               "MockedLambdaRetry": {
                 "0": {"Throw": {"Error": "Lambda.ResourceNotReadyException", "Cause": "Lambda resource is not ready."}},
                 "1-2": {"Throw": {"Error": "Lambda.TimeoutException", "Cause": "Lambda timed out."}},
                 "3": {"Return": {"StatusCode": 200, "Payload": {"body": "Hello from Lambda!"}}}}}}""";

    @Test
    void testCase_mapsStatesToTheirResponses() {
        MockTestCase happy = MockConfig.parse(CONFIG).testCase("LambdaSQSIntegration", "HappyPath").orElseThrow();

        assertThat(happy.responseFor("LambdaState").orElseThrow().forInvocation(0)).contains(
                new MockedResponse.Return(Json.parse("{\"StatusCode\": 200, \"Payload\": {\"body\": \"Hello from Lambda!\"}}")));
        assertThat(happy.responseFor("SQSState")).isEmpty();
    }

    @Test
    void invocationIndexesAndRanges_selectTheOutcome() {
        MockedResponse retry = MockConfig.parse(CONFIG).testCase("LambdaSQSIntegration", "RetryPath").orElseThrow()
                .responseFor("LambdaState").orElseThrow();

        assertThat(retry.forInvocation(0)).contains(
                new MockedResponse.Throw("Lambda.ResourceNotReadyException", "Lambda resource is not ready."));
        assertThat(retry.forInvocation(1)).contains(new MockedResponse.Throw("Lambda.TimeoutException", "Lambda timed out."));
        assertThat(retry.forInvocation(2)).contains(new MockedResponse.Throw("Lambda.TimeoutException", "Lambda timed out."));
        assertThat(retry.forInvocation(3)).containsInstanceOf(MockedResponse.Return.class);
        assertThat(retry.forInvocation(4)).isEmpty();
    }

    @Test
    void unknownTestCase_isAbsent() {
        MockConfig config = MockConfig.parse(CONFIG);

        assertThat(config.testCase("LambdaSQSIntegration", "SadPath")).isEmpty();
        assertThat(config.testCase("Other", "HappyPath")).isEmpty();
        assertThat(config.testCaseNames("LambdaSQSIntegration")).containsExactly("HappyPath", "RetryPath");
    }

    @Test
    void responseThatIsNotDefined_isRejectedWhenLoading() {
        assertThatThrownBy(() -> MockConfig.parse("""
                {"StateMachines": {"M": {"TestCases": {"T": {"S": "Nope"}}}}, "MockedResponses": {}}"""))
                .hasMessageContaining("uses the mocked response 'Nope', which MockedResponses does not define");
    }

    @Test
    void entryWithBothReturnAndThrow_isRejected() {
        assertThatThrownBy(() -> MockConfig.parse("""
                {"StateMachines": {}, "MockedResponses": {"R": {"0": {"Return": 1, "Throw": {"Error": "E", "Cause": "c"}}}}}"""))
                .hasMessageContaining("must have exactly one field, 'Return' or 'Throw'");
    }

    @Test
    void indexThatIsNotANumberOrRange_isRejected() {
        assertThatThrownBy(() -> MockConfig.parse("""
                {"StateMachines": {}, "MockedResponses": {"R": {"first": {"Return": 1}}}}"""))
                .hasMessageContaining("'first' is neither an invocation index nor a range");
        assertThatThrownBy(() -> MockConfig.parse("""
                {"StateMachines": {}, "MockedResponses": {"R": {"3-1": {"Return": 1}}}}"""))
                .hasMessageContaining("ends before it starts");
    }

    @Test
    void malformedJson_isRejected() {
        assertThatThrownBy(() -> MockConfig.parse("{")).hasMessageStartingWith("The mock config is not valid JSON");
    }
}
