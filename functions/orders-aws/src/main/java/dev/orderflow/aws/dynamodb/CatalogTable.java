package dev.orderflow.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

import static dev.orderflow.aws.dynamodb.OrdersTable.attribute;
import static dev.orderflow.aws.dynamodb.OrdersTable.key;

/**
 * The catalog table: one partition per restaurant, holding the restaurant's own item ({@code sk = RESTAURANT})
 * and one item per dish ({@code sk = ITEM#<menuItemId>}), so a single query reads a whole menu.
 * Prices are integer minor units in the restaurant's currency.
 */
public final class CatalogTable {

    public static final String RESTAURANT_ID = "restaurantId";
    public static final String SORT_KEY = "sk";
    public static final String RESTAURANT_SORT_KEY = "RESTAURANT";
    public static final String ITEM_SORT_KEY_PREFIX = "ITEM#";
    public static final String NAME = "name";
    public static final String CURRENCY = "currency";
    public static final String ACCEPTING_ORDERS = "acceptingOrders";
    public static final String MENU_ITEM_ID = "menuItemId";
    public static final String PRICE_MINOR = "priceMinor";
    public static final String AVAILABLE = "available";

    private CatalogTable() {
    }

    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(RESTAURANT_ID), attribute(SORT_KEY))
                .keySchema(key(RESTAURANT_ID, KeyType.HASH), key(SORT_KEY, KeyType.RANGE))
                .build();
    }
}
