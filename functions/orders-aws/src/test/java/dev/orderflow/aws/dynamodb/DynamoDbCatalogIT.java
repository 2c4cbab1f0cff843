package dev.orderflow.aws.dynamodb;

import dev.orderflow.testing.Catalogs;
import dev.orderflow.testing.EmbeddedDynamoDb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbCatalogIT {

    private static DynamoDbCatalog catalog;

    @BeforeAll
    static void seed() {
        EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.shared();
        catalog = new DynamoDbCatalog(dynamoDb.client(), dynamoDb.createTable("catalog", CatalogTable::createTableRequest));
        catalog.load(Catalogs.all());
    }

    @Test
    void menu_readsTheRestaurantAndAllItsDishes() {
        assertThat(catalog.menu(Catalogs.PIZZERIA)).contains(Catalogs.pizzeria());
        assertThat(catalog.menu(Catalogs.NOODLE_BAR)).contains(Catalogs.noodleBar());
    }

    @Test
    void menu_ofAnUnknownRestaurant_isEmpty() {
        assertThat(catalog.menu("no-such-place")).isEmpty();
    }
}
