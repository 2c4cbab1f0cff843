package dev.orderflow.local.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LocalDynamoDbIT {

    @Test
    void withADataDirectory_itemsSurviveARestart(@TempDir Path data) {
        try (LocalDynamoDb first = LocalDynamoDb.start(0, Optional.of(data))) {
            assertThat(first.endpoint().getHost()).isEqualTo("127.0.0.1");
            first.client().createTable(r -> r.tableName("notes")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
            first.client().putItem(r -> r.tableName("notes").item(Map.of("id", AttributeValue.fromS("kept"))));
        }

        try (LocalDynamoDb second = LocalDynamoDb.start(0, Optional.of(data))) {
            assertThat(second.client().getItem(r -> r.tableName("notes")
                    .key(Map.of("id", AttributeValue.fromS("kept")))).hasItem()).isTrue();
        }
    }

    @Test
    void inMemory_startsEmpty() {
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(0, Optional.empty())) {
            assertThat(dynamoDb.client().listTables().tableNames()).isEmpty();
        }
    }
}
