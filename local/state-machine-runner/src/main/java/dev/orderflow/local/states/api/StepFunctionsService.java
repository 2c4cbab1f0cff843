package dev.orderflow.local.states.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.local.states.asl.DefinitionParser;
import dev.orderflow.local.states.asl.InvalidDefinitionException;
import dev.orderflow.local.states.asl.StateMachineDefinition;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.ExecutionRunner;
import dev.orderflow.local.states.execution.ExecutionStatus;
import dev.orderflow.local.states.json.Json;
import dev.orderflow.local.states.mock.MockConfig;
import dev.orderflow.local.states.mock.MockTestCase;
import dev.orderflow.local.states.time.StatesClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import static java.lang.System.Logger.Level.WARNING;

/**
 * The Step Functions service semantics, independent of any wire format: state machines are created once per name
 * (an identical create answers the same ARN), executions are started with Standard workflows' idempotency (the
 * same name and input while running is the same execution; otherwise the name is taken), and closed executions
 * are kept up to a limit, oldest evicted first.
 */
public final class StepFunctionsService {

    private static final System.Logger LOG = System.getLogger(StepFunctionsService.class.getName());

    /** Step Functions' limit on an execution input (256 KiB). */
    static final int MAX_INPUT_BYTES = 262_144;
    /** How long StopExecution waits for the stopped execution to record its end. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final String region;
    private final String account;
    private final StatesClock clock;
    private final ExecutionRunner runner;
    private final Optional<MockConfig> mockConfig;
    private final int retainedExecutions;
    private final Consumer<Execution> closedListener;
    private final Map<String, StateMachine> stateMachines = new LinkedHashMap<>();
    private final Map<String, Execution> executions = new LinkedHashMap<>();

    public StepFunctionsService(String region, String account, StatesClock clock, ExecutionRunner runner,
                                Optional<MockConfig> mockConfig, int retainedExecutions) {
        this(region, account, clock, runner, mockConfig, retainedExecutions, execution -> {
        });
    }

    /**
     * @param closedListener told of every execution once it has closed (SUCCEEDED, FAILED, TIMED_OUT or ABORTED),
     *                       as Step Functions tells EventBridge with its "Execution Status Change" events; it runs on
     *                       a virtual thread of its own, and what it throws is logged, not passed on
     */
    public StepFunctionsService(String region, String account, StatesClock clock, ExecutionRunner runner,
                                Optional<MockConfig> mockConfig, int retainedExecutions,
                                Consumer<Execution> closedListener) {
        this.closedListener = closedListener;
        this.region = region;
        this.account = account;
        this.clock = clock;
        this.runner = runner;
        this.mockConfig = mockConfig;
        this.retainedExecutions = retainedExecutions;
    }

    public String defaultRoleArn() {
        return "arn:aws:iam::" + account + ":role/StepFunctionsLocalRole";
    }

    /**
     * CreateStateMachine.
     *
     * @throws ServiceException InvalidName, InvalidDefinition, StateMachineAlreadyExists
     */
    public synchronized StateMachine createStateMachine(String name, String definitionText, Optional<String> roleArn,
                                                        StateMachineType type) {
        if (!ResourceNames.isValidName(name)) {
            throw ServiceException.invalidName(String.valueOf(name));
        }
        if (definitionText == null) {
            throw ServiceException.validation("1 validation error detected: Value null at 'definition' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        StateMachineDefinition definition;
        try {
            definition = DefinitionParser.parse(definitionText);
        } catch (InvalidDefinitionException e) {
            throw new ServiceException("InvalidDefinition", e.getMessage());
        }
        String arn = "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
        String role = roleArn.orElse(defaultRoleArn());
        StateMachine existing = stateMachines.get(arn);
        if (existing != null) {
            if (existing.definitionText().equals(definitionText) && existing.roleArn().equals(role)
                    && existing.type() == type) {
                return existing;
            }
            throw new ServiceException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
        }
        StateMachine created = new StateMachine(arn, name, definitionText, definition, role, type, clock.instant());
        stateMachines.put(arn, created);
        return created;
    }

    public synchronized StateMachine describeStateMachine(String arn) {
        ResourceNames.StateMachineArn parsed = ResourceNames.stateMachineArn(arn);
        return stateMachine(parsed.arn());
    }

    public synchronized List<StateMachine> listStateMachines() {
        return List.copyOf(stateMachines.values());
    }

    public synchronized void deleteStateMachine(String arn) {
        stateMachines.remove(ResourceNames.stateMachineArn(arn).arn());
    }

    /**
     * StartExecution. The ARN may select a mock-config test case: {@code <stateMachineArn>#<TestCase>}.
     *
     * @param name  empty for a generated name
     * @param input empty for {@code {}}
     * @throws ServiceException InvalidArn, StateMachineDoesNotExist, InvalidName, InvalidExecutionInput,
     *                          ExecutionAlreadyExists
     */
    public synchronized Execution startExecution(String stateMachineArn, Optional<String> name, Optional<String> input) {
        ResourceNames.StateMachineArn parsed = ResourceNames.stateMachineArn(stateMachineArn);
        StateMachine machine = stateMachine(parsed.arn());
        String executionName = name.orElseGet(() -> UUID.randomUUID().toString());
        if (!ResourceNames.isValidName(executionName)) {
            throw ServiceException.invalidName(executionName);
        }
        String inputText = input.orElse("{}");
        JsonNode parsedInput = parseInput(inputText);
        Optional<MockTestCase> testCase = parsed.testCase().map(testCaseName -> testCase(machine, testCaseName));
        boolean standard = machine.type() == StateMachineType.STANDARD;
        String arn = standard
                ? "arn:aws:states:" + region + ":" + account + ":execution:" + machine.name() + ":" + executionName
                : "arn:aws:states:" + region + ":" + account + ":express:" + machine.name() + ":" + executionName
                        + ":" + UUID.randomUUID();
        Execution existing = executions.get(arn);
        if (existing != null) {
            if (existing.isRunning() && existing.inputText().equals(inputText)) {
                return existing;
            }
            throw new ServiceException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
        }
        Execution execution = runner.start(new Execution.Identity(arn, executionName, machine.arn(), machine.name(),
                machine.roleArn()), machine.definition(), inputText, parsedInput, testCase);
        executions.put(arn, execution);
        evictClosedExecutions();
        execution.completion().thenAcceptAsync(this::closed,
                task -> Thread.ofVirtual().name("execution-closed").start(task));
        return execution;
    }

    public synchronized Execution describeExecution(String executionArn) {
        ResourceNames.checkExecutionArn(executionArn);
        Execution execution = executions.get(executionArn);
        if (execution == null) {
            throw new ServiceException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + executionArn + "'");
        }
        return execution;
    }

    /** ListExecutions: newest first, optionally only those with {@code status}. */
    public synchronized List<Execution> listExecutions(String stateMachineArn, Optional<ExecutionStatus> status) {
        StateMachine machine = stateMachine(ResourceNames.stateMachineArn(stateMachineArn).arn());
        List<Execution> matching = new ArrayList<>();
        for (Execution execution : executions.values()) {
            if (execution.identity().stateMachineArn().equals(machine.arn())
                    && status.map(s -> s == execution.status()).orElse(true)) {
                matching.add(execution);
            }
        }
        matching.sort(Comparator.comparing(Execution::startDate).reversed());
        return matching;
    }

    /** StopExecution: aborts a running execution; a closed one is left as it is. */
    public Execution stopExecution(String executionArn, Optional<String> error, Optional<String> cause) {
        Execution execution = describeExecution(executionArn);
        execution.stop(error, cause);
        try {
            return execution.await(STOP_WAIT);
        } catch (TimeoutException e) {
            return execution;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return execution;
        }
    }

    private void closed(Execution execution) {
        try {
            closedListener.accept(execution);
        } catch (RuntimeException e) {
            LOG.log(WARNING, "the listener for closed executions failed on " + execution.arn() + ": " + e);
        }
    }

    private StateMachine stateMachine(String arn) {
        StateMachine machine = stateMachines.get(arn);
        if (machine == null) {
            throw new ServiceException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return machine;
    }

    private MockTestCase testCase(StateMachine machine, String testCase) {
        MockConfig config = mockConfig.orElseThrow(() -> ServiceException.validation(
                "Test case '" + testCase + "' was requested, but no mock config is loaded"));
        return config.testCase(machine.name(), testCase).orElseThrow(() -> ServiceException.validation(
                "The mock config has no test case '" + testCase + "' for state machine '" + machine.name()
                        + "' (it has " + config.testCaseNames(machine.name()) + ")"));
    }

    private static JsonNode parseInput(String inputText) {
        if (inputText.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
            throw new ServiceException("InvalidExecutionInput", "Invalid State Machine Execution Input: "
                    + "'The input exceeds the maximum size of " + MAX_INPUT_BYTES + " bytes.'");
        }
        if (inputText.isBlank()) {
            throw new ServiceException("InvalidExecutionInput",
                    "Invalid State Machine Execution Input: 'Invalid execution input.'");
        }
        try {
            return Json.parse(inputText);
        } catch (IllegalArgumentException e) {
            throw new ServiceException("InvalidExecutionInput",
                    "Invalid State Machine Execution Input: '" + e.getMessage() + "'");
        }
    }

    private void evictClosedExecutions() {
        Iterator<Map.Entry<String, Execution>> oldestFirst = executions.entrySet().iterator();
        while (executions.size() > retainedExecutions && oldestFirst.hasNext()) {
            Map.Entry<String, Execution> entry = oldestFirst.next();
            if (!entry.getValue().isRunning()) {
                oldestFirst.remove();
            }
        }
    }
}
