package dev.orderflow.ports;

import dev.orderflow.domain.Menu;

import java.util.Optional;

/** Read access to restaurants and their menus. */
public interface Catalog {

    /** The restaurant and its whole menu, or empty when there is no such restaurant. */
    Optional<Menu> menu(String restaurantId);
}
