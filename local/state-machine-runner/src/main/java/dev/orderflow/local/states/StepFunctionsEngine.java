package dev.orderflow.local.states;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.orderflow.local.states.api.StateMachine;
import dev.orderflow.local.states.api.StateMachineType;
import dev.orderflow.local.states.api.StepFunctionsService;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.ExecutionRunner;
import dev.orderflow.local.states.execution.LambdaTaskInvoker;
import dev.orderflow.local.states.http.JsonProtocol;
import dev.orderflow.local.states.http.StepFunctionsHttpServer;
import dev.orderflow.local.states.lambda.FunctionRegistry;
import dev.orderflow.local.states.lambda.JavaHandlerFunction;
import dev.orderflow.local.states.lambda.LambdaFunction;
import dev.orderflow.local.states.mock.MockConfig;
import dev.orderflow.local.states.time.StatesClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A local Step Functions: runs Amazon States Language workflows with in-process Java Lambda handlers, and serves
 * the Step Functions API over HTTP for the AWS SDKs and CLI.
 * <pre>
 * try (StepFunctionsEngine engine = StepFunctionsEngine.builder().clock(StatesClock.virtual()).build()) {
 *     engine.registerFunction("persist-order", new PersistOrderHandler(settings));
 *     String arn = engine.createStateMachine("orders", DefinitionPlaceholders.substitute(asl, arns));
 *     URI endpoint = engine.startHttpServer(0);          // for SfnClient.builder().endpointOverride(endpoint)
 *     Execution run = engine.startExecution(arn, "order-1", "{...}");
 *     run.await(Duration.ofSeconds(10));
 * }
 * </pre>
 * Executions run concurrently on virtual threads; starting one returns at once. Histories are kept in memory,
 * {@value ExecutionRunner#HISTORY_LIMIT} events per execution at most, and the oldest closed executions are
 * dropped beyond {@link Builder#retainedExecutions}.
 */
public final class StepFunctionsEngine implements AutoCloseable {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "123456789012";

    private final FunctionRegistry functions;
    private final StepFunctionsService service;
    private StepFunctionsHttpServer httpServer;

    private StepFunctionsEngine(Builder builder) {
        this.functions = new FunctionRegistry(builder.region, builder.account);
        ExecutionRunner runner = new ExecutionRunner(builder.clock, new LambdaTaskInvoker(functions), builder.region,
                builder.random);
        this.service = new StepFunctionsService(builder.region, builder.account, builder.clock, runner,
                Optional.ofNullable(builder.mockConfig), builder.retainedExecutions, builder.closedListener);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Registers a {@link RequestHandler} under a function name or ARN; answers the function's ARN. */
    public String registerFunction(String nameOrArn, RequestHandler<?, ?> handler) {
        return functions.register(nameOrArn, JavaHandlerFunction.of(handler));
    }

    /** Registers a {@link RequestStreamHandler} under a function name or ARN; answers the function's ARN. */
    public String registerFunction(String nameOrArn, RequestStreamHandler handler) {
        return functions.register(nameOrArn, JavaHandlerFunction.of(handler));
    }

    /** Registers any function (bytes in, bytes out) under a function name or ARN; answers the function's ARN. */
    public String registerFunction(String nameOrArn, LambdaFunction function) {
        return functions.register(nameOrArn, function);
    }

    /** The ARN a function registered under {@code name} has. */
    public String functionArn(String name) {
        return functions.arnOf(name);
    }

    /**
     * Creates a Standard state machine.
     *
     * @throws dev.orderflow.local.states.api.ServiceException InvalidDefinition (listing every problem),
     *                                                         InvalidName, StateMachineAlreadyExists
     */
    public String createStateMachine(String name, String definition) {
        return createStateMachine(name, definition, StateMachineType.STANDARD);
    }

    public String createStateMachine(String name, String definition, StateMachineType type) {
        return service.createStateMachine(name, definition, Optional.empty(), type).arn();
    }

    public StateMachine describeStateMachine(String stateMachineArn) {
        return service.describeStateMachine(stateMachineArn);
    }

    /**
     * Starts an execution and returns it running.
     *
     * @param stateMachineArn the state machine, or {@code <arn>#<TestCase>} for a mock-config test case
     * @param name            the execution's name, or null for a generated one
     * @param input           JSON text, or null for {@code {}}
     */
    public Execution startExecution(String stateMachineArn, String name, String input) {
        return service.startExecution(stateMachineArn, Optional.ofNullable(name), Optional.ofNullable(input));
    }

    /** Starts an execution and waits for it to close. */
    public Execution runExecution(String stateMachineArn, String name, String input, Duration timeout)
            throws TimeoutException, InterruptedException {
        return startExecution(stateMachineArn, name, input).await(timeout);
    }

    public Execution describeExecution(String executionArn) {
        return service.describeExecution(executionArn);
    }

    /** Starts the HTTP endpoint on 127.0.0.1 ({@code port} 0: the system picks one) and answers its URI. */
    public synchronized URI startHttpServer(int port) {
        if (httpServer != null) {
            throw new IllegalStateException("the HTTP endpoint is already running at " + httpServer.uri());
        }
        try {
            httpServer = StepFunctionsHttpServer.start(new JsonProtocol(service), port);
            return httpServer.uri();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** The service behind the engine, for callers that speak its operations directly. */
    public StepFunctionsService service() {
        return service;
    }

    /** Stops the HTTP endpoint, if started. Running executions are left to finish on their own threads. */
    @Override
    public synchronized void close() {
        if (httpServer != null) {
            httpServer.close();
            httpServer = null;
        }
    }

    public static final class Builder {
        private StatesClock clock = StatesClock.system();
        private String region = DEFAULT_REGION;
        private String account = DEFAULT_ACCOUNT;
        private MockConfig mockConfig;
        private RandomGenerator random = new Random();
        private int retainedExecutions = 10_000;
        private Consumer<Execution> closedListener = execution -> {
        };

        private Builder() {
        }

        /** Real or virtual time ({@link StatesClock#virtual()}: waits and backoffs cost no wall time). */
        public Builder clock(StatesClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder account(String account) {
            this.account = account;
            return this;
        }

        /** A Step Functions Local mock config; executions select a test case with {@code <arn>#<TestCase>}. */
        public Builder mockConfig(MockConfig mockConfig) {
            this.mockConfig = mockConfig;
            return this;
        }

        /** The source of retry jitter (seed it for repeatable runs). */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /** How many executions to keep; beyond it the oldest closed ones are forgotten. */
        public Builder retainedExecutions(int retainedExecutions) {
            if (retainedExecutions < 1) {
                throw new IllegalArgumentException("retainedExecutions must be positive");
            }
            this.retainedExecutions = retainedExecutions;
            return this;
        }

        /**
         * Told of every execution once it closes, whatever its status: the local counterpart of a rule on Step
         * Functions' "Execution Status Change" events. It runs on a virtual thread of its own; what it throws is
         * logged.
         */
        public Builder onExecutionClosed(Consumer<Execution> listener) {
            this.closedListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public StepFunctionsEngine build() {
            return new StepFunctionsEngine(this);
        }
    }
}
