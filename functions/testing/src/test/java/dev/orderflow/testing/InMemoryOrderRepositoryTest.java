package dev.orderflow.testing;

import dev.orderflow.ports.OrderRepository;

/** The fake keeps the same rules as DynamoDB (see DynamoDbOrderRepositoryIT for the real one). */
class InMemoryOrderRepositoryTest extends OrderRepositoryContract {

    @Override
    protected OrderRepository createRepository() {
        return new InMemoryOrderRepository();
    }
}
