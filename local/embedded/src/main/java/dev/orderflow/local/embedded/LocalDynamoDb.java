package dev.orderflow.local.embedded;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * DynamoDB Local in this JVM, serving HTTP on 127.0.0.1 only (its own launcher binds every interface). In memory,
 * or in a data directory that survives restarts. Ready means a real call answered: the sqlite natives load on
 * first use.
 */
public final class LocalDynamoDb implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private final Server jetty;
    private final LocalDynamoDBRequestHandler database;
    private final URI endpoint;
    private final DynamoDbClient client;

    private LocalDynamoDb(Server jetty, LocalDynamoDBRequestHandler database, URI endpoint, DynamoDbClient client) {
        this.jetty = jetty;
        this.database = database;
        this.endpoint = endpoint;
        this.client = client;
    }

    /**
     * @param port    0 for one the system picks
     * @param dataDir empty for in memory
     */
    public static LocalDynamoDb start(int port, Optional<Path> dataDir) {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        LocalDynamoDBRequestHandler database = null;
        try {
            // one shared database file (not one per access key and region), no artificial CREATING delays
            database = new LocalDynamoDBRequestHandler(0, dataDir.isEmpty(),
                    dataDir.map(d -> d.toAbsolutePath().toString()).orElse(null), true, false);
            jetty.setHandler(new LocalDynamoDBServerHandler(database, null));
            jetty.start();
        } catch (Exception e) {
            stopQuietly(jetty);
            if (database != null) {
                database.shutdown();
            }
            throw new IllegalStateException("DynamoDB Local did not start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        LocalDynamoDb dynamoDb = new LocalDynamoDb(jetty, database, endpoint, client);
        try {
            awaitReady(client);
        } catch (RuntimeException e) {
            dynamoDb.close();
            throw e;
        }
        return dynamoDb;
    }

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

    /** A client for this server (URL-connection HTTP client, dummy credentials). */
    public DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        stopQuietly(jetty);
        database.shutdown(); // releases the database file
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // stopping is best effort
        }
    }
}
