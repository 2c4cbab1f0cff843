package dev.orderflow.testing;

import dev.orderflow.domain.Menu;
import dev.orderflow.domain.MenuItem;
import dev.orderflow.domain.Money;
import dev.orderflow.domain.Restaurant;

import java.util.List;

/** A small catalog for tests: an open pizzeria with one dish off, and a closed noodle bar. */
public final class Catalogs {

    public static final String PIZZERIA = "luigis-pizzeria";
    public static final String MARGHERITA = "margherita";
    public static final String DIAVOLA = "diavola";
    public static final String TIRAMISU = "tiramisu";
    /** On the menu, but not available. */
    public static final String CALZONE = "calzone";
    public static final String NOODLE_BAR = "closed-noodle-bar";
    public static final String RAMEN = "ramen";

    private Catalogs() {
    }

    public static Menu pizzeria() {
        Restaurant luigis = new Restaurant(PIZZERIA, "Luigi's Pizzeria", "EUR", true);
        return Menu.of(luigis, List.of(
                dish(PIZZERIA, MARGHERITA, "Margherita", 950, true),
                dish(PIZZERIA, DIAVOLA, "Diavola", 1150, true),
                dish(PIZZERIA, TIRAMISU, "Tiramisu", 600, true),
                dish(PIZZERIA, CALZONE, "Calzone", 1200, false)));
    }

    public static Menu noodleBar() {
        Restaurant closed = new Restaurant(NOODLE_BAR, "Closed Noodle Bar", "EUR", false);
        return Menu.of(closed, List.of(dish(NOODLE_BAR, RAMEN, "Ramen", 1300, true)));
    }

    public static List<Menu> all() {
        return List.of(pizzeria(), noodleBar());
    }

    private static MenuItem dish(String restaurantId, String id, String name, long priceMinor, boolean available) {
        return new MenuItem(restaurantId, id, name, Money.of(priceMinor, "EUR"), available);
    }
}
