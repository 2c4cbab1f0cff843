package dev.orderflow.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Menus for validator tests, built by hand: {@code Menus.aPizzeria().closed().build()}. The pizzeria is open, prices
 * in EUR and has one dish that is off today ({@link #CALZONE}).
 */
final class Menus {

    static final String PIZZERIA = "trattoria-da-enzo";
    static final String PIZZERIA_NAME = "Trattoria da Enzo";
    static final String MARGHERITA = "margherita";
    static final long MARGHERITA_PRICE = 950;
    static final String TIRAMISU = "tiramisu";
    static final long TIRAMISU_PRICE = 600;
    /** On the menu, but not available. */
    static final String CALZONE = "calzone";
    /** Every numbered dish ({@link #numberedDish}) costs this much. */
    static final long NUMBERED_DISH_PRICE = 100;

    private Menus() {
    }

    static MenuBuilder aPizzeria() {
        return new MenuBuilder()
                .withDish(MARGHERITA, "Margherita", MARGHERITA_PRICE)
                .withDish(TIRAMISU, "Tiramisu", TIRAMISU_PRICE)
                .withDishOff(CALZONE, "Calzone", 1200);
    }

    /** The id of the {@code n}th dish that {@link MenuBuilder#withNumberedDishes} adds, from 1. */
    static String numberedDish(int n) {
        return "dish-" + n;
    }

    static final class MenuBuilder {
        private String currency = "EUR";
        private boolean acceptingOrders = true;
        private final List<MenuItem> items = new ArrayList<>();

        private MenuBuilder() {
        }

        /** Prices the restaurant and every dish added after this in {@code currency}. */
        MenuBuilder pricedIn(String currency) {
            this.currency = currency;
            return this;
        }

        MenuBuilder closed() {
            this.acceptingOrders = false;
            return this;
        }

        MenuBuilder withDish(String menuItemId, String name, long priceMinor) {
            items.add(new MenuItem(PIZZERIA, menuItemId, name, Money.of(priceMinor, currency), true));
            return this;
        }

        MenuBuilder withDishOff(String menuItemId, String name, long priceMinor) {
            items.add(new MenuItem(PIZZERIA, menuItemId, name, Money.of(priceMinor, currency), false));
            return this;
        }

        MenuBuilder withNumberedDishes(int count) {
            for (int n = 1; n <= count; n++) {
                withDish(numberedDish(n), "Dish " + n, NUMBERED_DISH_PRICE);
            }
            return this;
        }

        Menu build() {
            return Menu.of(new Restaurant(PIZZERIA, PIZZERIA_NAME, currency, acceptingOrders), items);
        }
    }
}
