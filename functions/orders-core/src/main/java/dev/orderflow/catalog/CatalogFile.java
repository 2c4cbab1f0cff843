package dev.orderflow.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.domain.Identifiers;
import dev.orderflow.domain.Menu;
import dev.orderflow.domain.MenuItem;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.Restaurant;
import dev.orderflow.workflow.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A catalog as a JSON file: {@code {"restaurants": [{"restaurantId", "name", "currency", "acceptingOrders",
 * "menu": [{"menuItemId", "name", "priceMinor", "available"}]}]}}, prices in integer minor units of the
 * restaurant's currency. The local stack seeds {@link #SAMPLE} unless given a file of its own; a file that breaks
 * a rule is refused whole, with the rule and where.
 */
public final class CatalogFile {

    public static final String SAMPLE = "orderflow/catalog/sample-catalog.json";

    private CatalogFile() {
    }

    public static List<Menu> sample() {
        try (InputStream in = CatalogFile.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the sample catalog is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Menu> parse(InputStream json) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("catalog is not JSON: " + e.getOriginalMessage());
        }
        JsonNode restaurants = root == null ? null : root.get("restaurants");
        if (restaurants == null || !restaurants.isArray() || restaurants.isEmpty()) {
            throw new IllegalArgumentException("catalog needs a non-empty \"restaurants\" array");
        }
        List<Menu> menus = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < restaurants.size(); i++) {
            Menu menu = menu(restaurants.get(i), "restaurants[" + i + "]");
            if (!seen.add(menu.restaurant().restaurantId())) {
                throw new IllegalArgumentException("restaurants[" + i + "]: duplicate restaurantId "
                        + menu.restaurant().restaurantId());
            }
            menus.add(menu);
        }
        return menus;
    }

    private static Menu menu(JsonNode node, String where) {
        String restaurantId = id(node, "restaurantId", where);
        String currency = text(node, "currency", where);
        Restaurant restaurant;
        try {
            restaurant = new Restaurant(restaurantId, text(node, "name", where), Money.zero(currency).currency(),
                    bool(node, "acceptingOrders", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        JsonNode items = node.get("menu");
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException(where + ": \"menu\" must be an array");
        }
        List<MenuItem> menu = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String itemWhere = where + ".menu[" + i + "]";
            JsonNode item = items.get(i);
            String menuItemId = id(item, "menuItemId", itemWhere);
            if (!seen.add(menuItemId)) {
                throw new IllegalArgumentException(itemWhere + ": duplicate menuItemId " + menuItemId);
            }
            JsonNode price = item.get("priceMinor");
            if (price == null || !price.canConvertToLong() || !price.isIntegralNumber() || price.asLong() < 0) {
                throw new IllegalArgumentException(itemWhere + ": \"priceMinor\" must be a whole number >= 0");
            }
            menu.add(new MenuItem(restaurantId, menuItemId, text(item, "name", itemWhere),
                    Money.of(price.asLong(), currency), bool(item, "available", itemWhere)));
        }
        return Menu.of(restaurant, menu);
    }

    private static String id(JsonNode node, String field, String where) {
        String value = text(node, field, where);
        if (!Identifiers.CATALOG_ID.matcher(value).matches()) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be 1 to 64 of A-Z a-z 0-9 _ -");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be a non-empty string");
        }
        return value.asText();
    }

    private static boolean bool(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be true or false");
        }
        return value.asBoolean();
    }
}
