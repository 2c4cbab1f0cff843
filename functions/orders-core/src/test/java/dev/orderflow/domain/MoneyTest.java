package dev.orderflow.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static final int SAMPLES = 10_000;

    @Test
    void plus_addsMinorUnitsExactly() {
        assertThat(eur(950).plus(eur(1_150))).isEqualTo(eur(2_100));
        assertThat(eur(Long.MAX_VALUE - 1).plus(eur(1))).isEqualTo(eur(Long.MAX_VALUE));
        assertThat(eur(-300).plus(eur(100))).isEqualTo(eur(-200));
    }

    @Test
    void plus_whenTheSumOverflows_throwsInsteadOfWrappingAround() {
        assertThatThrownBy(() -> eur(Long.MAX_VALUE).plus(eur(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> eur(Long.MIN_VALUE).plus(eur(-1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void plus_whenCurrenciesDiffer_refusesNamingBoth() {
        assertThatThrownBy(() -> eur(100).plus(Money.of(100, "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD")
                .hasMessageContaining("EUR");
    }

    @Test
    void times_multipliesMinorUnitsExactly() {
        assertThat(eur(950).times(3)).isEqualTo(eur(2_850));
        assertThat(eur(950).times(0)).isEqualTo(Money.zero("EUR"));
        assertThat(eur(950).times(-2)).isEqualTo(eur(-1_900));
    }

    @Test
    void times_whenTheProductOverflows_throwsInsteadOfWrappingAround() {
        assertThatThrownBy(() -> eur(Long.MAX_VALUE / 2 + 1).times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> eur(Long.MIN_VALUE).times(-1)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void isNegative_isTrueOnlyBelowZero() {
        assertThat(eur(-1).isNegative()).isTrue();
        assertThat(Money.zero("EUR").isNegative()).isFalse();
        assertThat(eur(1).isNegative()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "eur", "Eur", "EU", "EURO", "E1R", " EUR", "EUR ", "ÄUR", "€"})
    void of_whenCurrencyIsNotThreeUpperCaseLetters_refusesIt(String currency) {
        assertThatThrownBy(() -> Money.of(100, currency))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + currency + "'");
    }

    @Test
    void of_whenCurrencyIsNull_refusesIt() {
        assertThatThrownBy(() -> Money.of(100, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("currency");
    }

    @Test
    void plus_onRandomAmounts_isExactOrThrows() {
        Random random = new Random(20_261_122L);
        int overflows = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long a = anyAmount(random);
            long b = anyAmount(random);
            BigInteger exact = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
            if (overflowedAsItShould(exact, () -> eur(a).plus(eur(b)), a + " + " + b)) {
                overflows++;
            }
        }
        assertThat(overflows).as("samples that overflow").isBetween(1, SAMPLES - 1);
    }

    @Test
    void times_onRandomAmounts_isExactOrThrows() {
        Random random = new Random(4_217L);
        int overflows = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long amount = anyAmount(random);
            int quantity = random.nextInt() >> random.nextInt(32);
            BigInteger exact = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(quantity));
            if (overflowedAsItShould(exact, () -> eur(amount).times(quantity), amount + " x " + quantity)) {
                overflows++;
            }
        }
        assertThat(overflows).as("samples that overflow").isBetween(1, SAMPLES - 1);
    }

    @Test
    void plus_whenNothingOverflows_isAssociativeAndCommutative() {
        Random random = new Random(1_999L);
        for (int i = 0; i < SAMPLES; i++) {
            Money a = eur(random.nextLong() >> 2);
            Money b = eur(random.nextLong() >> 2);
            Money c = eur(random.nextLong() >> 2);
            assertThat(a.plus(b).plus(c)).as("%s %s %s", a, b, c).isEqualTo(a.plus(b.plus(c)));
            assertThat(a.plus(b)).as("%s %s", a, b).isEqualTo(b.plus(a));
        }
    }

    @Test
    void times_isTheSameAsAddingTheAmountThatManyTimes() {
        Random random = new Random(42L);
        for (int i = 0; i < SAMPLES; i++) {
            Money price = eur(random.nextLong(-1_000_000_000L, 1_000_000_000L));
            int quantity = random.nextInt(0, 51);
            Money added = Money.zero("EUR");
            for (int n = 0; n < quantity; n++) {
                added = added.plus(price);
            }
            assertThat(price.times(quantity)).as("%s x %d", price, quantity).isEqualTo(added);
        }
    }

    private static Money eur(long amountMinor) {
        return Money.of(amountMinor, "EUR");
    }

    /** Small and huge amounts alike: a random long shifted right by a random number of bits. */
    private static long anyAmount(Random random) {
        return random.nextLong() >> random.nextInt(64);
    }

    /**
     * Checks one operation against exact arithmetic: the exact result when it fits in a long, otherwise an
     * ArithmeticException. True when it overflowed.
     */
    private static boolean overflowedAsItShould(BigInteger exact, Supplier<Money> operation, String description) {
        if (exact.bitLength() < Long.SIZE) {
            assertThat(operation.get().amountMinor()).as(description).isEqualTo(exact.longValueExact());
            return false;
        }
        assertThatThrownBy(operation::get).as(description).isInstanceOf(ArithmeticException.class);
        return true;
    }
}
