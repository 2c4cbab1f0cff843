package dev.orderflow.testing;

import dev.orderflow.local.embedded.LocalDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One in-memory DynamoDB Local per test JVM, on 127.0.0.1 and a port the system picks, started on first use and
 * stopped when the JVM exits. Tests get their own tables ({@link #createTable}), so they never see each other.
 */
public final class EmbeddedDynamoDb {

    public static final String REGION = LocalDynamoDb.REGION;
    private static EmbeddedDynamoDb instance;

    private final LocalDynamoDb server;

    private EmbeddedDynamoDb(LocalDynamoDb server) {
        this.server = server;
    }

    public static synchronized EmbeddedDynamoDb shared() {
        if (instance == null) {
            LocalDynamoDb server = LocalDynamoDb.start(0, Optional.empty());
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::close));
            instance = new EmbeddedDynamoDb(server);
        }
        return instance;
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public DynamoDbClient client() {
        return server.client();
    }

    /** Creates a table with a unique name from a request template; returns the name. */
    public String createTable(String prefix, Function<String, CreateTableRequest> request) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        client().createTable(request.apply(name));
        client().waiter().waitUntilTableExists(r -> r.tableName(name));
        return name;
    }
}
