package dev.orderflow.local.faults;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FaultPlanTest {

    @Test
    void none_isOff_andStrikesNothing() {
        FaultPlan none = FaultPlan.none();

        assertThat(none.isOff()).isTrue();
        for (Fault fault : Fault.values()) {
            assertThat(none.probability(fault)).isZero();
            assertThat(none.strikes(fault, "any")).isFalse();
        }
        assertThat(none).hasToString("no faults");
    }

    @Test
    void strikes_dependsOnlyOnTheSeedTheFaultAndTheKey() {
        FaultPlan plan = FaultPlan.of(0.5, 7);
        FaultPlan same = FaultPlan.of(0.5, 7);
        FaultPlan otherSeed = FaultPlan.of(0.5, 8);

        List<Boolean> first = strikes(plan, Fault.LAMBDA_SERVICE_ERROR);
        assertThat(strikes(same, Fault.LAMBDA_SERVICE_ERROR)).isEqualTo(first);
        assertThat(strikes(otherSeed, Fault.LAMBDA_SERVICE_ERROR)).isNotEqualTo(first);
        assertThat(strikes(plan, Fault.START_THROTTLE)).as("each fault draws on its own")
                .isNotEqualTo(strikes(plan, Fault.LAMBDA_SERVICE_ERROR));
    }

    @Test
    void strikes_aboutAsOftenAsTheFaultsProbability() {
        FaultPlan plan = FaultPlan.of(0.2, 3);

        for (Fault fault : List.of(Fault.LAMBDA_SERVICE_ERROR, Fault.DYNAMODB_THROTTLE, Fault.CRASHING_ORDER)) {
            long hits = IntStream.range(0, 20_000).filter(i -> plan.strikes(fault, "key-" + i)).count();
            assertThat(hits / 20_000.0).as(fault.name()).isCloseTo(plan.probability(fault), within(0.01));
        }
        assertThat(plan.probability(Fault.LAMBDA_SERVICE_ERROR)).isEqualTo(0.2);
        assertThat(plan.probability(Fault.LAMBDA_TIMEOUT)).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void only_keepsTheNamedFaults_andAnEmptyPlanIsOff() {
        FaultPlan plan = FaultPlan.of(1, 1).only(Fault.SQS_DUPLICATE);

        assertThat(plan.isEnabled(Fault.SQS_DUPLICATE)).isTrue();
        assertThat(plan.isEnabled(Fault.LAMBDA_SERVICE_ERROR)).isFalse();
        assertThat(plan.strikes(Fault.LAMBDA_SERVICE_ERROR, "k")).isFalse();
        assertThat(plan.only().isOff()).isTrue();
        assertThat(FaultPlan.of(0, 1).isOff()).isTrue();
    }

    @Test
    void aRateOutside0To1_isRefused() {
        assertThatThrownBy(() -> FaultPlan.of(1.5, 1)).hasMessageContaining("0..1");
        assertThatThrownBy(() -> FaultPlan.of(-0.1, 1)).hasMessageContaining("0..1");
        assertThatThrownBy(() -> FaultPlan.of(Double.NaN, 1)).hasMessageContaining("0..1");
    }

    private static List<Boolean> strikes(FaultPlan plan, Fault fault) {
        List<Boolean> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(plan.strikes(fault, "order-" + i + "|attempt-1"));
        }
        return answers;
    }
}
