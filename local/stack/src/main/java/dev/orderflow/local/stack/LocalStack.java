package dev.orderflow.local.stack;

import dev.orderflow.api.OrdersApiHandler;
import dev.orderflow.aws.dynamodb.CatalogTable;
import dev.orderflow.aws.dynamodb.DynamoDbCatalog;
import dev.orderflow.aws.dynamodb.OrdersTable;
import dev.orderflow.catalog.CatalogFile;
import dev.orderflow.config.Settings;
import dev.orderflow.domain.Menu;
import dev.orderflow.local.auth.AuthorizationServer;
import dev.orderflow.local.auth.OAuthClient;
import dev.orderflow.local.embedded.LocalDynamoDb;
import dev.orderflow.local.embedded.LocalSqs;
import dev.orderflow.local.embedded.SqsEventSource;
import dev.orderflow.local.faults.FaultProxy;
import dev.orderflow.local.faults.Faults;
import dev.orderflow.local.faults.PollerFaults;
import dev.orderflow.local.gateway.Deployment;
import dev.orderflow.local.gateway.LocalGateway;
import dev.orderflow.local.states.StepFunctionsEngine;
import dev.orderflow.poller.PollerHandler;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole of Orderflow in this JVM, on 127.0.0.1: DynamoDB Local (tables created, catalog seeded), ElasticMQ
 * (queue and DLQ with the cloud's redrive policy), the OAuth2 server, the state-machine runner with the order
 * workflow, the poller fed by an SQS event source, and the gateway. The functions are the deployed classes, built
 * from configuration exactly as Lambda builds them; only endpoints and names differ. {@link #close()} stops
 * everything in reverse order.
 * <p>
 * With a {@link dev.orderflow.local.faults.FaultPlan} in its options, the stack misbehaves as the plan says: the
 * workflow's functions fail or overrun, DynamoDB (as the functions reach it) throttles, errs and goes away for a
 * while, StartExecution (as the poller reaches it) throttles, and the event source delivers twice or dies mid-batch.
 */
public final class LocalStack implements AutoCloseable {

    public static final String REGION = LocalDynamoDb.REGION;
    public static final String ORDERS_TABLE = "orderflow-orders";
    public static final String CATALOG_TABLE = "orderflow-catalog";
    public static final String QUEUE_NAME = "orderflow-orders";
    public static final String STATE_MACHINE_NAME = "orderflow-order-workflow";
    /** As in the cloud: a message received this often without success moves to the dead-letter queue. */
    public static final int MAX_RECEIVE_COUNT = 5;
    static final String FUNCTION_ARN_PREFIX = "arn:aws:lambda:" + REGION + ":" + LocalSqs.ACCOUNT_ID + ":function:";
    public static final String VALIDATE_ORDER_ARN = FUNCTION_ARN_PREFIX + "orderflow-validate-order";
    public static final String PERSIST_ORDER_ARN = FUNCTION_ARN_PREFIX + "orderflow-persist-order";
    public static final String ORDERS_API_ARN = FUNCTION_ARN_PREFIX + "orderflow-orders-api";

    /** Local clients with fixed, documented secrets: the stack binds 127.0.0.1 only. */
    public static final List<OAuthClient> CLIENTS = List.of(
            new OAuthClient("demo", "demo-secret", List.of(OAuthClient.SCOPE_READ, OAuthClient.SCOPE_WRITE)),
            new OAuthClient("demo-other", "demo-other-secret", List.of(OAuthClient.SCOPE_READ, OAuthClient.SCOPE_WRITE)),
            new OAuthClient("demo-read-only", "demo-read-only-secret", List.of(OAuthClient.SCOPE_READ)));

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private Endpoints endpoints;
    private SqsEventSource poller;
    private AuthorizationServer authorizationServer;
    private LocalDynamoDb dynamoDb;
    private LocalSqs sqs;
    private LocalWorkflow workflow;
    private Faults faults = Faults.none();
    private PollerFaults pollerFaults;
    private URI functionsDynamoDbEndpoint;

    private LocalStack() {
    }

    public static LocalStack start(LocalStackOptions options) {
        LocalStack stack = new LocalStack();
        try {
            stack.startAll(options);
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close(); // nothing half-started stays behind holding ports
            throw e;
        }
    }

    private void startAll(LocalStackOptions options) {
        faults = new Faults(options.faults(), Clock.systemUTC());
        dynamoDb = track(LocalDynamoDb.start(options.portAfterApi(3), options.dataDir()));
        createTable(OrdersTable.createTableRequest(ORDERS_TABLE));
        createTable(CatalogTable.createTableRequest(CATALOG_TABLE));
        List<Menu> catalog = catalog(options);
        new DynamoDbCatalog(dynamoDb.client(), CATALOG_TABLE).load(catalog);
        // With faults on, the functions reach DynamoDB through a proxy that misbehaves; everyone else goes direct.
        functionsDynamoDbEndpoint = faults.isOff() ? dynamoDb.endpoint()
                : track(FaultProxy.start(dynamoDb.endpoint(), faults.dynamoDb(), 0)).endpoint();

        sqs = track(LocalSqs.start(options.portAfterApi(4)));
        LocalSqs.QueuePair queue = sqs.createQueueWithDeadLetterQueue(QUEUE_NAME, options.visibilityTimeout(),
                MAX_RECEIVE_COUNT);

        AuthorizationServer auth = authorizationServer = track(AuthorizationServer.builder()
                .port(options.portAfterApi(1))
                .clients(CLIENTS)
                .start());

        workflow = track(LocalWorkflow.start(options.portAfterApi(2), functionSettings(), faults, sqs.client(),
                queue.deadLetterQueueUrl()));
        URI pollerStepFunctionsEndpoint = faults.isOff() ? workflow.endpoint()
                : track(FaultProxy.start(workflow.endpoint(), faults.startExecution(), 0)).endpoint();

        PollerFaults deliveryFaults = faults.poller();
        poller = track(new SqsEventSource(sqs.client(), queue.queueUrl(), queue.queueArn(),
                new PollerHandler(functionSettings(Map.of(
                        "STATE_MACHINE_ARN", workflow.stateMachineArn(),
                        "AWS_ENDPOINT_URL_SFN", pollerStepFunctionsEndpoint.toString()))),
                SqsEventSource.Settings.defaults(), faults.isOff() ? SqsEventSource.DeliveryFaults.NONE : deliveryFaults));
        pollerFaults = track(deliveryFaults); // closed before the poller: no restart outlives the stack
        deliveryFaults.attach(poller);
        poller.start();

        LocalGateway gateway = track(LocalGateway.builder()
                .port(options.port())
                .deployment(Deployment.local(REGION, QUEUE_NAME))
                .sqsEndpoint(sqs.endpoint())
                .authorizationServer(auth)
                .ordersApi(new OrdersApiHandler(functionSettings(Map.of("PAGE_TOKEN_KEY", randomKey()))))
                .start());

        endpoints = new Endpoints(gateway.endpoint(), URI.create(auth.issuer() + AuthorizationServer.TOKEN_PATH),
                CLIENTS, sqs.endpoint(), queue.queueUrl(), queue.deadLetterQueueUrl(), dynamoDb.endpoint(),
                workflow.endpoint(), workflow.stateMachineArn(), catalog);
    }

    /** The configuration every function gets: the names and endpoints of this stack, in Lambda's variable names. */
    private Settings functionSettings(Map<String, String> extra) {
        Map<String, String> variables = new HashMap<>(Map.of(
                "AWS_REGION", REGION,
                "AWS_ACCESS_KEY_ID", LocalDynamoDb.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", LocalDynamoDb.SECRET_KEY,
                "AWS_ENDPOINT_URL_DYNAMODB", functionsDynamoDbEndpoint.toString(),
                "ORDERS_TABLE", ORDERS_TABLE,
                "CATALOG_TABLE", CATALOG_TABLE));
        variables.putAll(extra);
        return Settings.of(variables);
    }

    private Settings functionSettings() {
        return functionSettings(Map.of());
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private void createTable(CreateTableRequest request) {
        try {
            dynamoDb.client().createTable(request);
        } catch (ResourceInUseException alreadyThere) {
            return; // --data: kept from an earlier run
        }
        dynamoDb.client().waiter().waitUntilTableExists(r -> r.tableName(request.tableName()));
    }

    private static List<Menu> catalog(LocalStackOptions options) {
        if (options.seedFile().isEmpty()) {
            return CatalogFile.sample();
        }
        try (InputStream in = Files.newInputStream(options.seedFile().get())) {
            return CatalogFile.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + options.seedFile().get(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--seed " + options.seedFile().get() + ": " + e.getMessage(), e);
        }
    }

    private <T extends AutoCloseable> T track(T component) {
        started.push(component);
        return component;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** The poller's event source, for tests and fault runs that stop and restart it. */
    public SqsEventSource poller() {
        return poller;
    }

    /** The token server, whose test tokens let tests try expired, foreign and forged tokens. */
    public AuthorizationServer authorizationServer() {
        return authorizationServer;
    }

    public LocalDynamoDb dynamoDb() {
        return dynamoDb;
    }

    public LocalSqs sqs() {
        return sqs;
    }

    /** The state-machine runner: its executions, as they run and as they ended. */
    public StepFunctionsEngine stepFunctions() {
        return workflow.engine();
    }

    /** The faults this stack injects (none unless its options asked for some), with what was injected so far. */
    public Faults faults() {
        return faults;
    }

    /** True while a poller restart ({@link dev.orderflow.local.faults.Fault#POLLER_RESTART}) is under way. */
    public boolean pollerRestarting() {
        return pollerFaults != null && pollerFaults.isRestarting();
    }

    /** How many executions closed without recording their order, and went to the dead-letter queue. */
    public long unrecordedExecutions() {
        return workflow.unrecordedFailures().deadLettered();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.getLogger(LocalStack.class.getName()).log(System.Logger.Level.WARNING,
                        "stopping a component failed: " + e);
            }
        }
    }
}
