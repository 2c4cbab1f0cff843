package dev.orderflow.local.stack;

import dev.orderflow.config.Settings;
import dev.orderflow.local.embedded.LocalSqs;
import dev.orderflow.local.faults.Faults;
import dev.orderflow.local.states.DefinitionPlaceholders;
import dev.orderflow.local.states.StepFunctionsEngine;
import dev.orderflow.local.states.lambda.JavaHandlerFunction;
import dev.orderflow.persist.PersistOrderHandler;
import dev.orderflow.validate.ValidateOrderHandler;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The state-machine runner with the order workflow from {@code statemachine/order-workflow.asl.json}: the
 * validate-order and persist-order handlers run in process, built from configuration as Lambda builds them (and
 * wrapped by the fault plan, when one is on), and the Step Functions API answers on 127.0.0.1 for the poller, the
 * AWS CLI and the SDKs. An execution that closes without recording its order sends its input to the dead-letter
 * queue ({@link UnrecordedFailures}), as the cloud's rule on execution status changes does.
 */
final class LocalWorkflow implements AutoCloseable {

    static final String DEFINITION = "orderflow/statemachine/order-workflow.asl.json";

    private final StepFunctionsEngine engine;
    private final String stateMachineArn;
    private final URI endpoint;
    private final UnrecordedFailures unrecordedFailures;

    private LocalWorkflow(StepFunctionsEngine engine, String stateMachineArn, URI endpoint,
                          UnrecordedFailures unrecordedFailures) {
        this.engine = engine;
        this.stateMachineArn = stateMachineArn;
        this.endpoint = endpoint;
        this.unrecordedFailures = unrecordedFailures;
    }

    static LocalWorkflow start(int port, Settings functionSettings, Faults faults, SqsClient sqs,
                               String deadLetterQueueUrl) {
        String template = definition();
        UnrecordedFailures unrecordedFailures = new UnrecordedFailures(sqs, deadLetterQueueUrl,
                UnrecordedFailures.failStateErrors(template));
        StepFunctionsEngine engine = StepFunctionsEngine.builder()
                .region(LocalStack.REGION)
                .account(LocalSqs.ACCOUNT_ID)
                .onExecutionClosed(unrecordedFailures)
                .build();
        String persist = engine.registerFunction(LocalStack.PERSIST_ORDER_ARN, faults.function("persist-order",
                JavaHandlerFunction.of(new PersistOrderHandler(functionSettings)), true));
        String validate = engine.registerFunction(LocalStack.VALIDATE_ORDER_ARN, faults.function("validate-order",
                JavaHandlerFunction.of(new ValidateOrderHandler(functionSettings)), false));
        String definition = DefinitionPlaceholders.substitute(template, Map.of(
                "PersistOrderFunctionArn", persist,
                "ValidateOrderFunctionArn", validate));
        String stateMachineArn = engine.createStateMachine(LocalStack.STATE_MACHINE_NAME, definition);
        try {
            return new LocalWorkflow(engine, stateMachineArn, engine.startHttpServer(port), unrecordedFailures);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    private static String definition() {
        try (InputStream in = LocalWorkflow.class.getClassLoader().getResourceAsStream(DEFINITION)) {
            if (in == null) {
                throw new IllegalStateException(DEFINITION + " is not on the classpath (module orderflow-statemachine)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StepFunctionsEngine engine() {
        return engine;
    }

    String stateMachineArn() {
        return stateMachineArn;
    }

    URI endpoint() {
        return endpoint;
    }

    UnrecordedFailures unrecordedFailures() {
        return unrecordedFailures;
    }

    @Override
    public void close() {
        engine.close();
    }
}
