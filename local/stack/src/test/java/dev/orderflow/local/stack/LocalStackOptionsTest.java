package dev.orderflow.local.stack;

import dev.orderflow.local.faults.Fault;
import dev.orderflow.local.faults.FaultPlan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault options of {@code ./orderflow local}: off unless asked for. */
class LocalStackOptionsTest {

    @Test
    void byDefault_noFaults() {
        assertThat(LocalStackOptions.defaults().faults().isOff()).isTrue();
        assertThat(LocalStackOptions.ephemeral().faults().isOff()).isTrue();
        assertThat(LocalStackOptions.parse("--port", "9000").faults().isOff()).isTrue();
        assertThat(new LocalStackOptions(0, Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(5))
                .faults()).isEqualTo(FaultPlan.none());
    }

    @Test
    void faultRateAndSeed_turnEveryFaultOn() {
        FaultPlan plan = LocalStackOptions.parse("--fault-seed", "42", "--fault-rate", "0.3").faults();

        assertThat(plan.rate()).isEqualTo(0.3);
        assertThat(plan.seed()).isEqualTo(42);
        assertThat(plan.enabled()).containsExactlyInAnyOrder(Fault.values());
        assertThat(LocalStackOptions.parse("--fault-seed", "42").faults().isOff()).as("a seed alone").isTrue();
    }

    @Test
    void badFaultOptions_areRefusedWithTheFlagsName() {
        assertThatThrownBy(() -> LocalStackOptions.parse("--fault-rate", "2")).hasMessageContaining("--fault-rate");
        assertThatThrownBy(() -> LocalStackOptions.parse("--fault-rate", "often")).hasMessageContaining("--fault-rate");
        assertThatThrownBy(() -> LocalStackOptions.parse("--fault-seed", "x")).hasMessageContaining("--fault-seed");
        assertThatThrownBy(() -> LocalStackOptions.parse("--fault-rate")).hasMessageContaining("--fault-rate");
    }

    @Test
    void otherOptions_keepTheFaults() {
        LocalStackOptions options = LocalStackOptions.ephemeral().withFaults(FaultPlan.of(0.2, 3))
                .withVisibilityTimeout(Duration.ofSeconds(2));

        assertThat(options.faults()).isEqualTo(FaultPlan.of(0.2, 3));
        assertThat(options.visibilityTimeout()).isEqualTo(Duration.ofSeconds(2));
    }
}
