package dev.orderflow.aws.dynamodb;

import dev.orderflow.ports.OrderRepository;
import dev.orderflow.testing.EmbeddedDynamoDb;
import dev.orderflow.testing.OrderRepositoryContract;
import org.junit.jupiter.api.BeforeAll;

/** The repository contract against DynamoDB Local over HTTP, with the real conditional expressions. */
class DynamoDbOrderRepositoryIT extends OrderRepositoryContract {

    private static String table;

    @BeforeAll
    static void createTable() {
        table = EmbeddedDynamoDb.shared().createTable("orders", OrdersTable::createTableRequest);
    }

    @Override
    protected OrderRepository createRepository() {
        return new DynamoDbOrderRepository(EmbeddedDynamoDb.shared().client(), table);
    }
}
