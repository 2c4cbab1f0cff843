package dev.orderflow.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Properties of money arithmetic, over generated amounts (jqwik shrinks any counter-example it finds). */
class MoneyPropertiesTest {

    private static final long BILLION_EUROS = 100_000_000_000L;

    @Property
    void plus_isCommutativeAndAssociative(@ForAll @LongRange(min = -BILLION_EUROS, max = BILLION_EUROS) long a,
                                          @ForAll @LongRange(min = -BILLION_EUROS, max = BILLION_EUROS) long b,
                                          @ForAll @LongRange(min = -BILLION_EUROS, max = BILLION_EUROS) long c) {
        Money x = Money.of(a, "EUR");
        Money y = Money.of(b, "EUR");
        Money z = Money.of(c, "EUR");

        assertThat(x.plus(y)).isEqualTo(y.plus(x));
        assertThat(x.plus(y).plus(z)).isEqualTo(x.plus(y.plus(z)));
        assertThat(x.plus(Money.zero("EUR"))).isEqualTo(x);
    }

    @Property
    void times_equalsRepeatedAddition(@ForAll @LongRange(min = -BILLION_EUROS, max = BILLION_EUROS) long amount,
                                      @ForAll @IntRange(min = 0, max = 50) int quantity) {
        Money unit = Money.of(amount, "USD");
        Money sum = Money.zero("USD");
        for (int i = 0; i < quantity; i++) {
            sum = sum.plus(unit);
        }

        assertThat(unit.times(quantity)).isEqualTo(sum);
    }

    @Property
    void arithmetic_isExactOrThrows_neverWraps(@ForAll long a, @ForAll long b, @ForAll int n) {
        BigInteger exactSum = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
        BigInteger exactProduct = BigInteger.valueOf(a).multiply(BigInteger.valueOf(n));

        if (exactSum.bitLength() < Long.SIZE) {
            assertThat(Money.of(a, "EUR").plus(Money.of(b, "EUR")).amountMinor()).isEqualTo(exactSum.longValueExact());
        } else {
            assertThatThrownBy(() -> Money.of(a, "EUR").plus(Money.of(b, "EUR"))).isInstanceOf(ArithmeticException.class);
        }
        if (exactProduct.bitLength() < Long.SIZE) {
            assertThat(Money.of(a, "EUR").times(n).amountMinor()).isEqualTo(exactProduct.longValueExact());
        } else {
            assertThatThrownBy(() -> Money.of(a, "EUR").times(n)).isInstanceOf(ArithmeticException.class);
        }
    }
}
