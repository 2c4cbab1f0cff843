package dev.orderflow.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A restaurant with its menu items, as the validator reads them from the catalog. */
public record Menu(Restaurant restaurant, Map<String, MenuItem> items) {

    public Menu {
        items = Map.copyOf(items);
    }

    public static Menu of(Restaurant restaurant, Collection<MenuItem> items) {
        return new Menu(restaurant, items.stream().collect(Collectors.toMap(MenuItem::menuItemId, Function.identity())));
    }

    public Optional<MenuItem> item(String menuItemId) {
        return Optional.ofNullable(items.get(menuItemId));
    }
}
