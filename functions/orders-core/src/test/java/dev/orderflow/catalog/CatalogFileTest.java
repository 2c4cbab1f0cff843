package dev.orderflow.catalog;

import dev.orderflow.domain.Menu;
import dev.orderflow.domain.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogFileTest {

    private static List<Menu> parse(String json) throws IOException {
        return CatalogFile.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sample_hasAnOpenPizzeriaWithOneDishOff_aSushiBarInUsd_andAClosedNoodleBar() {
        List<Menu> sample = CatalogFile.sample();

        assertThat(sample).extracting(m -> m.restaurant().restaurantId())
                .containsExactly("luigis-pizzeria", "sakura-sushi", "night-owl-noodles");
        Menu luigis = sample.getFirst();
        assertThat(luigis.item("margherita").orElseThrow().price()).isEqualTo(Money.of(950, "EUR"));
        assertThat(luigis.item("calzone").orElseThrow().available()).isFalse();
        assertThat(sample.get(1).item("dragon-roll").orElseThrow().price().currency()).isEqualTo("USD");
        assertThat(sample.get(2).restaurant().acceptingOrders()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}                                                                                   | restaurants",
        "{\"restaurants\":[{\"restaurantId\":\"a b\",\"name\":\"A\",\"currency\":\"EUR\",\"acceptingOrders\":true,\"menu\":[]}]} | restaurantId",
        "{\"restaurants\":[{\"restaurantId\":\"a\",\"name\":\"A\",\"currency\":\"euro\",\"acceptingOrders\":true,\"menu\":[]}]} | currency",
        "{\"restaurants\":[{\"restaurantId\":\"a\",\"name\":\"A\",\"currency\":\"EUR\",\"acceptingOrders\":\"yes\",\"menu\":[]}]} | acceptingOrders",
        "{\"restaurants\":[{\"restaurantId\":\"a\",\"name\":\"A\",\"currency\":\"EUR\",\"acceptingOrders\":true,\"menu\":[{\"menuItemId\":\"x\",\"name\":\"X\",\"priceMinor\":9.5,\"available\":true}]}]} | priceMinor",
        "{\"restaurants\":[{\"restaurantId\":\"a\",\"name\":\"A\",\"currency\":\"EUR\",\"acceptingOrders\":true,\"menu\":[{\"menuItemId\":\"x\",\"name\":\"X\",\"priceMinor\":-1,\"available\":true}]}]} | priceMinor",
        "not json                                                                             | not JSON",
    })
    void brokenCatalog_isRefusedNamingTheRule(String json, String named) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named);
    }

    @Test
    void duplicateIds_areRefused() {
        String dish = "{\"menuItemId\":\"x\",\"name\":\"X\",\"priceMinor\":1,\"available\":true}";
        String twice = "{\"restaurants\":[{\"restaurantId\":\"a\",\"name\":\"A\",\"currency\":\"EUR\",\"acceptingOrders\":true,"
                + "\"menu\":[" + dish + "," + dish + "]}]}";

        assertThatThrownBy(() -> parse(twice)).hasMessageContaining("duplicate menuItemId");
    }
}
