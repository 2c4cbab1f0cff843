package dev.orderflow.testing;

import dev.orderflow.domain.Menu;
import dev.orderflow.ports.Catalog;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link Catalog} in a map. */
public final class InMemoryCatalog implements Catalog {

    private final Map<String, Menu> menus = new ConcurrentHashMap<>();

    public static InMemoryCatalog withSampleMenus() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        Catalogs.all().forEach(catalog::add);
        return catalog;
    }

    public void add(Menu menu) {
        menus.put(menu.restaurant().restaurantId(), menu);
    }

    @Override
    public Optional<Menu> menu(String restaurantId) {
        return Optional.ofNullable(menus.get(restaurantId));
    }
}
