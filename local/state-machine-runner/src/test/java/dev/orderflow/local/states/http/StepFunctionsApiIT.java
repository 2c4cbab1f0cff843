package dev.orderflow.local.states.http;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderflow.local.states.StepFunctionsEngine;
import dev.orderflow.local.states.WorkflowTester;
import dev.orderflow.local.states.json.Json;
import dev.orderflow.local.states.mock.MockConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryRequest;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Step Functions API over HTTP, called by the real AWS SDK v2 SfnClient. */
class StepFunctionsApiIT {

    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static StepFunctionsEngine engine;
    private static SfnClient sfn;
    private static String greeter;
    private static String waiter;

    @BeforeAll
    static void start() {
        engine = StepFunctionsEngine.builder().mockConfig(MockConfig.parse(WorkflowTester.resource(
                "workflows/order-workflow.mock.json"))).build();
        engine.registerFunction("greet", (RequestStreamHandler) (in, out, context) -> {
            String who = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).path("who").asText();
            out.write(("{\"greeting\": \"Hello, " + who + "\"}").getBytes(StandardCharsets.UTF_8));
        });
        engine.registerFunction("blocking", (RequestStreamHandler) (in, out, context) -> {
            try {
                RELEASE.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("{}".getBytes(StandardCharsets.UTF_8));
        });
        URI endpoint = engine.startHttpServer(0);
        sfn = SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        greeter = sfn.createStateMachine(r -> r.name("greeter").roleArn("arn:aws:iam::123456789012:role/sfn")
                .definition("""
                        {"StartAt": "Greet", "States": {
                          "Greet": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                    "Parameters": {"FunctionName": "greet", "Payload.$": "$"}, "OutputPath": "$.Payload",
                                    "Next": "Done"},
                          "Done": {"Type": "Succeed"}}}""")).stateMachineArn();
        waiter = sfn.createStateMachine(r -> r.name("waiter").roleArn("arn:aws:iam::123456789012:role/sfn")
                .definition("""
                        {"StartAt": "Block", "States": {"Block": {"Type": "Task",
                          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:blocking", "End": true}}}"""))
                .stateMachineArn();
    }

    @AfterAll
    static void stop() {
        RELEASE.countDown();
        sfn.close();
        engine.close();
    }

    private static DescribeExecutionResponse awaitClosed(String executionArn) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(executionArn));
            if (execution.status() != ExecutionStatus.RUNNING) {
                return execution;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(executionArn + " still running after 20 s");
            }
            Thread.sleep(10);
        }
    }

    private static String start(String stateMachineArn, String input) {
        return sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name("run-" + UUID.randomUUID()).input(input))
                .executionArn();
    }

    @Test
    void createDescribeStartDescribe_roundTripThroughTheSdk() throws Exception {
        var machine = sfn.describeStateMachine(r -> r.stateMachineArn(greeter));
        assertThat(machine.name()).isEqualTo("greeter");
        assertThat(machine.type()).isEqualTo(StateMachineType.STANDARD);
        assertThat(machine.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/sfn");
        assertThat(machine.definition()).contains("\"StartAt\": \"Greet\"");

        StartExecutionResponse started = sfn.startExecution(r -> r.stateMachineArn(greeter).name("ada")
                .input("{\"who\": \"Ada\"}"));
        DescribeExecutionResponse done = awaitClosed(started.executionArn());

        assertThat(started.executionArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:greeter:ada");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.parse(done.output())).isEqualTo(Json.parse("{\"greeting\": \"Hello, Ada\"}"));
        assertThat(done.input()).isEqualTo("{\"who\": \"Ada\"}");
        assertThat(done.startDate()).isEqualTo(started.startDate());
        assertThat(done.stopDate()).isAfterOrEqualTo(done.startDate()).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void executionHistory_hasTheAwsEventTypesAndDetails() throws Exception {
        String arn = start(greeter, "{\"who\": \"Grace\"}");
        awaitClosed(arn);

        List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(arn)).events();

        assertThat(events).extracting(HistoryEvent::type).containsExactly(
                HistoryEventType.EXECUTION_STARTED, HistoryEventType.TASK_STATE_ENTERED, HistoryEventType.TASK_SCHEDULED,
                HistoryEventType.TASK_STARTED, HistoryEventType.TASK_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
                HistoryEventType.SUCCEED_STATE_ENTERED, HistoryEventType.SUCCEED_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(events).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(events.get(1).stateEnteredEventDetails().name()).isEqualTo("Greet");
        assertThat(events.get(2).taskScheduledEventDetails().resourceType()).isEqualTo("lambda");
        assertThat(events.get(2).taskScheduledEventDetails().resource()).isEqualTo("invoke");
        assertThat(Json.parse(events.get(2).taskScheduledEventDetails().parameters()))
                .isEqualTo(Json.parse("{\"FunctionName\": \"greet\", \"Payload\": {\"who\": \"Grace\"}}"));
        assertThat(Json.parse(events.get(4).taskSucceededEventDetails().output()).get("StatusCode").asInt()).isEqualTo(200);
        assertThat(events.get(8).executionSucceededEventDetails().output()).isEqualTo("{\"greeting\":\"Hello, Grace\"}");
        assertThat(events.get(0).timestamp()).isBeforeOrEqualTo(events.get(8).timestamp());
    }

    @Test
    void executionHistory_isPaginatedAndCanBeReversed() throws Exception {
        String arn = start(greeter, "{\"who\": \"Linus\"}");
        awaitClosed(arn);
        List<HistoryEvent> all = sfn.getExecutionHistory(r -> r.executionArn(arn)).events();

        List<HistoryEvent> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            GetExecutionHistoryResponse page = sfn.getExecutionHistory(r -> r.executionArn(arn).maxResults(2).nextToken(next));
            paged.addAll(page.events());
            token = page.nextToken();
            pages++;
        } while (token != null);
        List<HistoryEvent> reversed = sfn.getExecutionHistory(r -> r.executionArn(arn).reverseOrder(true)).events();
        List<String> paginatorTypes = sfn.getExecutionHistoryPaginator(GetExecutionHistoryRequest.builder()
                .executionArn(arn).maxResults(4).build()).events().stream().map(HistoryEvent::typeAsString).toList();

        assertThat(pages).isEqualTo(5);
        assertThat(paged).isEqualTo(all);
        assertThat(reversed.getFirst()).isEqualTo(all.getLast());
        assertThat(paginatorTypes).hasSize(all.size());
        assertThatThrownBy(() -> sfn.getExecutionHistory(r -> r.executionArn(arn).nextToken("forged")))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void startExecution_returnsWhileTheExecutionRuns_andListExecutionsFiltersByStatus() throws Exception {
        long started = System.nanoTime();
        List<String> running = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            running.add(start(waiter, "{}"));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        var listed = sfn.listExecutions(r -> r.stateMachineArn(waiter).statusFilter(ExecutionStatus.RUNNING)).executions();
        assertThat(listed).extracting(e -> e.executionArn()).containsAll(running);
        var firstPage = sfn.listExecutions(r -> r.stateMachineArn(waiter).maxResults(2));
        assertThat(firstPage.executions()).hasSize(2);
        assertThat(firstPage.nextToken()).isNotNull();

        var stopped = sfn.stopExecution(r -> r.executionArn(running.getFirst()).error("Cancelled").cause("test"));
        DescribeExecutionResponse aborted = awaitClosed(running.getFirst());
        assertThat(stopped.stopDate()).isNotNull();
        assertThat(aborted.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(aborted.error()).isEqualTo("Cancelled");
        assertThat(sfn.listExecutions(r -> r.stateMachineArn(waiter).statusFilter(ExecutionStatus.ABORTED)).executions())
                .extracting(e -> e.executionArn()).contains(running.getFirst());
    }

    @Test
    void startExecution_isIdempotentWhileRunning_andRefusesOtherwise() {
        String name = "idempotent-" + UUID.randomUUID();
        String first = sfn.startExecution(r -> r.stateMachineArn(waiter).name(name).input("{\"n\": 1}")).executionArn();

        String again = sfn.startExecution(r -> r.stateMachineArn(waiter).name(name).input("{\"n\": 1}")).executionArn();

        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(waiter).name(name).input("{\"n\": 2}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class)
                .hasMessageContaining("Execution Already Exists: '" + first + "'");
    }

    @Test
    void errors_reachTheSdkAsTheirExceptionTypes() {
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(greeter + "-missing")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn("nope")))
                .isInstanceOf(InvalidArnException.class).hasMessageContaining("Invalid Arn: 'Invalid ARN prefix: nope'");
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(greeter).name("no spaces")))
                .isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(greeter).input("{oops")))
                .isInstanceOf(InvalidExecutionInputException.class);
        assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn(greeter.replace("stateMachine", "execution") + ":none")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name("broken").roleArn("arn:aws:iam::123456789012:role/x")
                .definition("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}}}")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("MISSING_TRANSITION_TARGET: Missing 'Next' target: B at /States/A/Next");
    }

    @Test
    void mockTestCase_isSelectedWithAHashInTheStateMachineArn() throws Exception {
        String orders = sfn.createStateMachine(r -> r.name("order-workflow").roleArn("arn:aws:iam::123456789012:role/x")
                .definition(WorkflowTester.resource("orderflow/statemachine/order-workflow.asl.json"))).stateMachineArn();

        String arn = start(orders + "#Rejected", WorkflowTester.resource("workflows/order-change-create.json"));
        DescribeExecutionResponse done = awaitClosed(arn);

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Json.parse(done.output()).get("outcome").asText()).isEqualTo("REJECTED");
    }
}
