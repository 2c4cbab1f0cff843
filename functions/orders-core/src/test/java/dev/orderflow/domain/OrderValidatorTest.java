package dev.orderflow.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.orderflow.domain.Menus.CALZONE;
import static dev.orderflow.domain.Menus.MARGHERITA;
import static dev.orderflow.domain.Menus.MARGHERITA_PRICE;
import static dev.orderflow.domain.Menus.NUMBERED_DISH_PRICE;
import static dev.orderflow.domain.Menus.TIRAMISU;
import static dev.orderflow.domain.Menus.TIRAMISU_PRICE;
import static dev.orderflow.domain.Menus.aPizzeria;
import static dev.orderflow.domain.Orders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OrderValidatorTest {

    /** The codes that concern one line of the order, and so name its menu item. */
    private static final Set<ReasonCode> LINE_CODES = EnumSet.of(
            ReasonCode.MENU_ITEM_NOT_FOUND, ReasonCode.MENU_ITEM_UNAVAILABLE, ReasonCode.QUANTITY_OUT_OF_RANGE);

    private final OrderValidator validator = new OrderValidator();

    @Test
    void validate_whenEveryLineIsOnTheMenu_pricesLinesAndTotalFromTheCatalog() {
        Pricing pricing = pricing(validate(anOrder().withLine(MARGHERITA, 2).withLine(TIRAMISU, 1).build()));

        assertThat(pricing.currency()).isEqualTo("EUR");
        assertThat(pricing.lines()).containsExactly(
                new PricedLine(MARGHERITA, "Margherita", 2, eur(MARGHERITA_PRICE), eur(2 * MARGHERITA_PRICE)),
                new PricedLine(TIRAMISU, "Tiramisu", 1, eur(TIRAMISU_PRICE), eur(TIRAMISU_PRICE)));
        assertThat(pricing.total()).isEqualTo(eur(2 * MARGHERITA_PRICE + TIRAMISU_PRICE));
    }

    @Test
    void validate_pricesInTheRestaurantsCurrency() {
        Menu swiss = aPizzeria().pricedIn("CHF").withDish("rosti", "Rösti", 1_800).build();

        Pricing pricing = pricing(validator.validate(anOrder().withLine("rosti", 2).build(), Optional.of(swiss)));

        assertThat(pricing.currency()).isEqualTo("CHF");
        assertThat(pricing.total()).isEqualTo(Money.of(3_600, "CHF"));
    }

    @Test
    void validate_whenTheRestaurantDoesNotExist_rejectsNamingIt() {
        List<RejectionReason> reasons = reasons(
                validator.validate(anOrder().at("nowhere-diner").withLine(MARGHERITA, 1).build(), Optional.empty()));

        assertThat(reasons).extracting(RejectionReason::code).containsExactly(ReasonCode.RESTAURANT_NOT_FOUND);
        assertThat(reasons.getFirst().message()).contains("nowhere-diner");
    }

    @Test
    void validate_whenTheRestaurantIsNotAcceptingOrders_rejectsWithItsCode() {
        Validation validation = validator.validate(
                anOrder().withLine(MARGHERITA, 1).build(), Optional.of(aPizzeria().closed().build()));

        assertThat(codes(validation)).containsExactly(ReasonCode.RESTAURANT_NOT_ACCEPTING_ORDERS);
    }

    @Test
    void validate_whenAMenuItemIsNotOnTheMenu_rejectsNamingTheItem() {
        List<RejectionReason> reasons = reasons(validate(anOrder().withLine("hawaiian", 1).build()));

        assertThat(reasons).containsExactly(new RejectionReason(ReasonCode.MENU_ITEM_NOT_FOUND,
                "Menu item 'hawaiian' is not on the menu of Trattoria da Enzo.", "hawaiian"));
    }

    @Test
    void validate_whenAnItemIsUnavailable_rejectsWithItsCode() {
        List<RejectionReason> reasons = reasons(validate(anOrder().withLine(CALZONE, 1).build()));

        assertThat(reasons).extracting(RejectionReason::code, RejectionReason::menuItemId)
                .containsExactly(tuple(ReasonCode.MENU_ITEM_UNAVAILABLE, CALZONE));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 21, -1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void validate_whenAQuantityIsOutside1To20_rejectsTheLine(int quantity) {
        List<RejectionReason> reasons = reasons(validate(anOrder().withLine(MARGHERITA, quantity).build()));

        assertThat(reasons).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(ReasonCode.QUANTITY_OUT_OF_RANGE);
            assertThat(reason.menuItemId()).isEqualTo(MARGHERITA);
            assertThat(reason.message()).endsWith("got " + quantity + ".");
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 20})
    void validate_whenAQuantityIsAtTheEdgeOfTheRange_pricesTheLine(int quantity) {
        Pricing pricing = pricing(validate(anOrder().withLine(MARGHERITA, quantity).build()));

        assertThat(pricing.total()).isEqualTo(eur(quantity * MARGHERITA_PRICE));
    }

    @Test
    void validate_whenTheOrderHasNoLines_rejectsWithNoItems() {
        assertThat(codes(validate(anOrder().build()))).containsExactly(ReasonCode.NO_ITEMS);
    }

    @Test
    void validate_whenTheOrderHas51Lines_rejectsWithTooManyItems() {
        Menu menu = aPizzeria().withNumberedDishes(51).build();

        Validation validation = validator.validate(anOrder().withOneOfEachNumberedDish(51).build(), Optional.of(menu));

        assertThat(codes(validation)).containsExactly(ReasonCode.TOO_MANY_ITEMS);
    }

    @Test
    void validate_whenTheOrderHas50Lines_pricesEveryLine() {
        Menu menu = aPizzeria().withNumberedDishes(50).build();

        Pricing pricing = pricing(
                validator.validate(anOrder().withOneOfEachNumberedDish(50).build(), Optional.of(menu)));

        assertThat(pricing.lines()).hasSize(50);
        assertThat(pricing.total()).isEqualTo(eur(50 * NUMBERED_DISH_PRICE));
    }

    @Test
    void validate_whenNotesHave500Characters_acceptsThem() {
        assertThat(validate(anOrder().withLine(MARGHERITA, 1).withNotes("a".repeat(500)).build()))
                .isInstanceOf(Validation.Priced.class);
    }

    @Test
    void validate_whenNotesHave501Characters_rejectsWithNotesTooLong() {
        Validation validation = validate(anOrder().withLine(MARGHERITA, 1).withNotes("a".repeat(501)).build());

        assertThat(codes(validation)).containsExactly(ReasonCode.NOTES_TOO_LONG);
    }

    @Test
    void validate_whenAMenuItemIsOrderedTwice_mergesTheLinesInThePositionOfTheFirst() {
        OrderRequest order = anOrder()
                .withLine(MARGHERITA, 2).withLine(TIRAMISU, 1).withLine(MARGHERITA, 3).build();

        Pricing pricing = pricing(validate(order));

        assertThat(pricing.lines()).extracting(PricedLine::menuItemId, PricedLine::quantity)
                .containsExactly(tuple(MARGHERITA, 5),
                        tuple(TIRAMISU, 1));
        assertThat(pricing.total()).isEqualTo(eur(5 * MARGHERITA_PRICE + TIRAMISU_PRICE));
    }

    @Test
    void validate_whenMergedDuplicatesExceed20_rejectsTheMergedQuantity() {
        List<RejectionReason> reasons = reasons(validate(anOrder()
                .withLine(MARGHERITA, 15).withLine(MARGHERITA, 6).build()));

        assertThat(reasons).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(ReasonCode.QUANTITY_OUT_OF_RANGE);
            assertThat(reason.message()).endsWith("got 21.");
        });
    }

    @Test
    void validate_whenDuplicatesAddUpPastTheLargestInt_rejectsRatherThanWrappingAround() {
        Validation validation = validate(anOrder()
                .withLine(MARGHERITA, Integer.MAX_VALUE).withLine(MARGHERITA, Integer.MAX_VALUE).build());

        assertThat(codes(validation)).containsExactly(ReasonCode.QUANTITY_OUT_OF_RANGE);
    }

    @Test
    void validate_whenADuplicateLineHasANegativeQuantity_rejectsRatherThanNettingItOff() {
        Validation validation = validate(anOrder().withLine(MARGHERITA, -5).withLine(MARGHERITA, 10).build());

        assertThat(reasons(validation)).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(ReasonCode.QUANTITY_OUT_OF_RANGE);
            assertThat(reason.menuItemId()).isEqualTo(MARGHERITA);
        });
    }

    @Test
    void validate_whenThereAreSeveralProblems_reportsEveryOne() {
        OrderRequest order = anOrder()
                .withLine("hawaiian", 1).withLine(CALZONE, 1).withLine(MARGHERITA, 21)
                .withNotes("a".repeat(501)).build();

        Validation validation = validator.validate(order, Optional.of(aPizzeria().closed().build()));

        assertThat(codes(validation)).containsExactlyInAnyOrder(
                ReasonCode.NOTES_TOO_LONG, ReasonCode.RESTAURANT_NOT_ACCEPTING_ORDERS,
                ReasonCode.MENU_ITEM_NOT_FOUND, ReasonCode.MENU_ITEM_UNAVAILABLE, ReasonCode.QUANTITY_OUT_OF_RANGE);
    }

    @Test
    void validate_whenTheRestaurantDoesNotExist_stillReportsTheShapeOfTheOrder() {
        Validation validation = validator.validate(anOrder().withNotes("a".repeat(501)).build(), Optional.empty());

        assertThat(codes(validation)).containsExactlyInAnyOrder(
                ReasonCode.NO_ITEMS, ReasonCode.NOTES_TOO_LONG, ReasonCode.RESTAURANT_NOT_FOUND);
    }

    @Test
    void validate_everyReasonHasACodeAMessageAndTheMenuItemOfItsLine() {
        OrderRequest order = anOrder()
                .withLine("hawaiian", 1).withLine(CALZONE, 0).withLine(MARGHERITA, 21)
                .withOneOfEachNumberedDish(50).withNotes("a".repeat(501)).build();

        List<RejectionReason> reasons = reasons(
                validator.validate(order, Optional.of(aPizzeria().withNumberedDishes(50).closed().build())));

        assertThat(reasons).extracting(RejectionReason::code).containsAll(LINE_CODES)
                .contains(ReasonCode.TOO_MANY_ITEMS, ReasonCode.NOTES_TOO_LONG);
        assertThat(reasons).allSatisfy(reason -> {
            assertThat(reason.code()).isNotNull();
            assertThat(reason.message()).isNotBlank();
            if (LINE_CODES.contains(reason.code())) {
                assertThat(reason.menuItemId()).as("menu item of %s", reason).isNotBlank();
                assertThat(order.items()).extracting(RequestedLine::menuItemId).contains(reason.menuItemId());
            } else {
                assertThat(reason.menuItemId()).as("menu item of %s", reason).isNull();
            }
        });
    }

    @Test
    void validate_whenALineTotalOverflows_rejectsWithTotalOutOfRange() {
        Menu menu = aPizzeria().withDish("truffle-feast", "Truffle feast", Long.MAX_VALUE / 2 + 1).build();

        Validation validation = validator.validate(anOrder().withLine("truffle-feast", 2).build(), Optional.of(menu));

        assertThat(codes(validation)).containsExactly(ReasonCode.TOTAL_OUT_OF_RANGE);
    }

    @Test
    void validate_whenTheSumOfLineTotalsOverflows_rejectsWithTotalOutOfRange() {
        Menu menu = aPizzeria().withDish("truffle-feast", "Truffle feast", Long.MAX_VALUE - 100).build();

        Validation validation = validator.validate(
                anOrder().withLine("truffle-feast", 1).withLine(MARGHERITA, 1).build(), Optional.of(menu));

        assertThat(codes(validation)).containsExactly(ReasonCode.TOTAL_OUT_OF_RANGE);
    }

    private Validation validate(OrderRequest order) {
        return validator.validate(order, Optional.of(aPizzeria().build()));
    }

    private static Pricing pricing(Validation validation) {
        if (validation instanceof Validation.Priced(Pricing pricing)) {
            return pricing;
        }
        throw new AssertionError("expected the order to be priced, but it was " + validation);
    }

    private static List<RejectionReason> reasons(Validation validation) {
        if (validation instanceof Validation.Rejected(List<RejectionReason> reasons)) {
            return reasons;
        }
        throw new AssertionError("expected the order to be rejected, but it was " + validation);
    }

    private static List<ReasonCode> codes(Validation validation) {
        return reasons(validation).stream().map(RejectionReason::code).toList();
    }

    private static Money eur(long amountMinor) {
        return Money.of(amountMinor, "EUR");
    }
}
