package dev.orderflow.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PercentilesTest {

    @Test
    void nearestRank_isTheSmallestSampleWithAtLeastThatShareAtOrBelowIt() {
        Percentiles p = Percentiles.of(15, 20, 35, 40, 50);

        assertThat(p.at(5)).isEqualTo(15);
        assertThat(p.at(30)).isEqualTo(20);
        assertThat(p.at(40)).isEqualTo(20);
        assertThat(p.at(50)).isEqualTo(35);
        assertThat(p.at(100)).isEqualTo(50);
    }

    @Test
    void percentilesOfAHundredSamples_areTheSamplesAtThoseRanks_unsortedInputIncluded() {
        double[] samples = new double[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i; // 100 .. 1
        }
        Percentiles p = Percentiles.of(samples);

        assertThat(p.median()).isEqualTo(50);
        assertThat(p.at(95)).isEqualTo(95);
        assertThat(p.at(99)).isEqualTo(99);
        assertThat(p.min()).isEqualTo(1);
        assertThat(p.max()).isEqualTo(100);
        assertThat(p.count()).isEqualTo(100);
    }

    @Test
    void p99OfFewSamples_isTheLargest_andTheMedianOfAnEvenCountIsTheLowerMiddle() {
        assertThat(Percentiles.of(List.of(3.0, 1.0, 2.0, 4.0)).at(99)).isEqualTo(4);
        assertThat(Percentiles.of(List.of(3.0, 1.0, 2.0, 4.0)).median()).isEqualTo(2);
        assertThat(Percentiles.of(7).at(50)).isEqualTo(7);
    }

    @Test
    void noSamples_haveNoPercentiles_andAPercentileIsInZeroToHundred() {
        assertThat(Percentiles.of().at(50)).isNaN();
        assertThatThrownBy(() -> Percentiles.of(1).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(1).at(100.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSamplesGivenAreNotChanged() {
        double[] samples = {3, 1, 2};
        Percentiles.of(samples);
        assertThat(samples).containsExactly(3, 1, 2);
    }
}
