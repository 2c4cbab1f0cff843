package dev.orderflow.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.orderflow.domain.Menus.NUMBERED_DISH_PRICE;
import static dev.orderflow.domain.Menus.PIZZERIA;
import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the validation rules over generated orders against a menu of 30 numbered dishes. */
class OrderValidatorPropertiesTest {

    private static final int DISHES = 30;
    private static final Menu MENU = Menus.aPizzeria().withNumberedDishes(DISHES).build();
    private final OrderValidator validator = new OrderValidator();

    @Provide
    Arbitrary<RequestedLine> validLine() {
        return Arbitraries.integers().between(1, DISHES).flatMap(n -> Arbitraries.integers().between(1, 3)
                .map(quantity -> new RequestedLine(Menus.numberedDish(n), quantity)));
    }

    @Provide
    Arbitrary<RequestedLine> anyLine() {
        Arbitrary<String> ids = Arbitraries.oneOf(
                Arbitraries.integers().between(1, DISHES + 5).map(Menus::numberedDish),
                Arbitraries.strings().ofMaxLength(70));
        return ids.flatMap(id -> Arbitraries.integers().map(quantity -> new RequestedLine(id, quantity)));
    }

    @Property
    void orderOfAvailableDishes_isPricedFromTheCatalog(
            @ForAll @Size(min = 1, max = 50) List<@From("validLine") RequestedLine> lines) {
        Map<String, Integer> merged = lines.stream()
                .collect(Collectors.groupingBy(RequestedLine::menuItemId, Collectors.summingInt(RequestedLine::quantity)));
        boolean withinBounds = merged.values().stream().allMatch(q -> q <= OrderValidator.MAX_QUANTITY);

        Validation result = validator.validate(new OrderRequest(PIZZERIA, lines, null), Optional.of(MENU));

        if (!withinBounds) {
            assertThat(result).isInstanceOf(Validation.Rejected.class);
            return;
        }
        assertThat(result).isInstanceOf(Validation.Priced.class);
        Pricing pricing = ((Validation.Priced) result).pricing();
        long quantity = merged.values().stream().mapToLong(Integer::longValue).sum();
        assertThat(pricing.total()).isEqualTo(Money.of(quantity * NUMBERED_DISH_PRICE, "EUR"));
        assertThat(pricing.lines()).extracting(PricedLine::menuItemId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(merged.keySet());
        assertThat(pricing.lines()).allSatisfy(line ->
                assertThat(line.lineTotal()).isEqualTo(line.unitPrice().times(line.quantity())));
    }

    @Property
    void anyOrderWhatsoever_isPricedOrRejectedWithReasons_neverAnException(
            @ForAll @Size(max = 60) List<@From("anyLine") RequestedLine> lines,
            @ForAll @net.jqwik.api.constraints.StringLength(max = 600) String notes) {
        Validation result = validator.validate(new OrderRequest(PIZZERIA, lines, notes), Optional.of(MENU));

        if (result instanceof Validation.Rejected(List<RejectionReason> reasons)) {
            assertThat(reasons).isNotEmpty().allSatisfy(reason -> {
                assertThat(reason.code()).isNotNull();
                assertThat(reason.message()).isNotBlank();
            });
        } else {
            assertThat(lines).isNotEmpty().hasSizeLessThanOrEqualTo(OrderValidator.MAX_LINES);
            assertThat(notes.length()).isLessThanOrEqualTo(OrderValidator.MAX_NOTES_LENGTH);
        }
    }

    @Property
    void aQuantityOutOfRange_isAlwaysRejectedWithThatCode(@ForAll("validLine") RequestedLine valid,
                                                         @ForAll int badQuantity) {
        if (badQuantity >= OrderValidator.MIN_QUANTITY && badQuantity <= OrderValidator.MAX_QUANTITY) {
            return;
        }
        List<RequestedLine> lines = List.of(valid, new RequestedLine(Menus.numberedDish(DISHES), badQuantity));

        Validation result = validator.validate(new OrderRequest(PIZZERIA, lines, null), Optional.of(MENU));

        assertThat(result).isInstanceOfSatisfying(Validation.Rejected.class, rejected ->
                assertThat(rejected.reasons()).extracting(RejectionReason::code).contains(ReasonCode.QUANTITY_OUT_OF_RANGE));
    }
}
