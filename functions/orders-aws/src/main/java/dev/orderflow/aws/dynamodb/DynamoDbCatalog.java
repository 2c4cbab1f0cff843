package dev.orderflow.aws.dynamodb;

import dev.orderflow.domain.Menu;
import dev.orderflow.domain.MenuItem;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.Restaurant;
import dev.orderflow.ports.Catalog;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.orderflow.aws.dynamodb.CatalogTable.*;

/** {@link Catalog} on DynamoDB: one query per restaurant reads the restaurant and its menu (see {@link CatalogTable}). */
public final class DynamoDbCatalog implements Catalog {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbCatalog(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public Optional<Menu> menu(String restaurantId) {
        Restaurant restaurant = null;
        List<Map<String, AttributeValue>> dishes = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = queryPage(restaurantId, startKey);
            for (Map<String, AttributeValue> item : page.items()) {
                if (RESTAURANT_SORT_KEY.equals(item.get(SORT_KEY).s())) {
                    restaurant = toRestaurant(item);
                } else {
                    dishes.add(item);
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        if (restaurant == null) {
            return Optional.empty();
        }
        List<MenuItem> items = new ArrayList<>(dishes.size());
        for (Map<String, AttributeValue> dish : dishes) {
            items.add(toMenuItem(dish, restaurant.currency()));
        }
        return Optional.of(Menu.of(restaurant, items));
    }

    private QueryResponse queryPage(String restaurantId, Map<String, AttributeValue> startKey) {
        try {
            return dynamoDb.query(QueryRequest.builder()
                    .tableName(tableName)
                    .keyConditionExpression("#restaurantId = :restaurantId")
                    .expressionAttributeNames(Map.of("#restaurantId", RESTAURANT_ID))
                    .expressionAttributeValues(Map.of(":restaurantId", AttributeValue.fromS(restaurantId)))
                    .exclusiveStartKey(startKey)
                    .build());
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("Query", e);
        }
    }

    /** Writes whole menus: each restaurant and its dishes (see {@code dev.orderflow.catalog.CatalogFile}). */
    public void load(List<Menu> menus) {
        for (Menu menu : menus) {
            put(menu.restaurant());
            menu.items().values().forEach(this::put);
        }
    }

    /** Writes a restaurant (seeding the local stack and tests; in AWS the catalog is loaded the same way). */
    public void put(Restaurant restaurant) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(RESTAURANT_ID, AttributeValue.fromS(restaurant.restaurantId()));
        item.put(SORT_KEY, AttributeValue.fromS(RESTAURANT_SORT_KEY));
        item.put(NAME, AttributeValue.fromS(restaurant.name()));
        item.put(CURRENCY, AttributeValue.fromS(restaurant.currency()));
        item.put(ACCEPTING_ORDERS, AttributeValue.fromBool(restaurant.acceptingOrders()));
        putItem(item);
    }

    public void put(MenuItem menuItem) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(RESTAURANT_ID, AttributeValue.fromS(menuItem.restaurantId()));
        item.put(SORT_KEY, AttributeValue.fromS(ITEM_SORT_KEY_PREFIX + menuItem.menuItemId()));
        item.put(MENU_ITEM_ID, AttributeValue.fromS(menuItem.menuItemId()));
        item.put(NAME, AttributeValue.fromS(menuItem.name()));
        item.put(PRICE_MINOR, AttributeValue.fromN(Long.toString(menuItem.price().amountMinor())));
        item.put(AVAILABLE, AttributeValue.fromBool(menuItem.available()));
        putItem(item);
    }

    private void putItem(Map<String, AttributeValue> item) {
        try {
            dynamoDb.putItem(PutItemRequest.builder().tableName(tableName).item(item).build());
        } catch (SdkException e) {
            throw DynamoDbErrors.translate("PutItem", e);
        }
    }

    private static Restaurant toRestaurant(Map<String, AttributeValue> item) {
        return new Restaurant(item.get(RESTAURANT_ID).s(), item.get(NAME).s(), item.get(CURRENCY).s(),
                Boolean.TRUE.equals(item.get(ACCEPTING_ORDERS).bool()));
    }

    private static MenuItem toMenuItem(Map<String, AttributeValue> item, String currency) {
        return new MenuItem(item.get(RESTAURANT_ID).s(), item.get(MENU_ITEM_ID).s(), item.get(NAME).s(),
                Money.of(Long.parseLong(item.get(PRICE_MINOR).n()), currency),
                Boolean.TRUE.equals(item.get(AVAILABLE).bool()));
    }
}
