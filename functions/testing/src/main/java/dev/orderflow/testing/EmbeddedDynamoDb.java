package dev.orderflow.testing;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * DynamoDB Local, in memory, on 127.0.0.1 and a port the system picks: one server per test JVM, started on first use and
 * stopped when the JVM exits. Tests get their own tables ({@link #createTable}), so they never see each other.
 */
public final class EmbeddedDynamoDb {

    public static final String REGION = "us-east-1";
    private static EmbeddedDynamoDb instance;

    private final URI endpoint;
    private final DynamoDbClient client;

    private EmbeddedDynamoDb(URI endpoint, DynamoDbClient client) {
        this.endpoint = endpoint;
        this.client = client;
    }

    public static synchronized EmbeddedDynamoDb shared() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static EmbeddedDynamoDb start() {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        try {
            // in memory, no file, no shared database, no artificial CREATING delays
            var requestHandler = new LocalDynamoDBRequestHandler(0, true, null, false, false);
            jetty.setHandler(new LocalDynamoDBServerHandler(requestHandler, null));
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on 127.0.0.1", e);
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // the JVM is going away
            }
        }));
        URI endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        awaitReady(client);
        return new EmbeddedDynamoDb(endpoint, client);
    }

    /** Readiness is a real call answering, not an open port: the sqlite natives load on first use. */
    private static void awaitReady(DynamoDbClient client) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                client.listTables();
                return;
            } catch (RuntimeException e) {
                last = e;
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("DynamoDB Local did not answer within 30 s", last);
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    /** Creates a table with a unique name from a request template; returns the name. */
    public String createTable(String prefix, java.util.function.Function<String, CreateTableRequest> request) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        client.createTable(request.apply(name));
        client.waiter().waitUntilTableExists(r -> r.tableName(name));
        return name;
    }
}
