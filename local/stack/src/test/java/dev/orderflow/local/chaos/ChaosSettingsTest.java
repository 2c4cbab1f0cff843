package dev.orderflow.local.chaos;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChaosSettingsTest {

    @Test
    void defaults_are300Orders_rate02_seed1() {
        ChaosSettings settings = ChaosSettings.parse();

        assertThat(settings.orders()).isEqualTo(300);
        assertThat(settings.faultRate()).isEqualTo(0.2);
        assertThat(settings.seed()).isEqualTo(1);
        assertThat(settings.visibilityTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.faultPlan().isOff()).isFalse();
    }

    @Test
    void options_setOrdersRateSeedAndDeadline() {
        ChaosSettings settings = ChaosSettings.parse("--orders", "40", "--fault-rate", "0.5", "--seed", "9",
                "--deadline", "60");

        assertThat(settings).isEqualTo(new ChaosSettings(40, 0.5, 9, Duration.ofSeconds(2), Duration.ofSeconds(60)));
        assertThat(settings.faultPlan().rate()).isEqualTo(0.5);
        assertThat(settings.faultPlan().seed()).isEqualTo(9);
    }

    @Test
    void badOptions_areRefusedWithTheFlagsName() {
        assertThatThrownBy(() -> ChaosSettings.parse("--orders", "0")).hasMessageContaining("--orders");
        assertThatThrownBy(() -> ChaosSettings.parse("--fault-rate", "1.5")).hasMessageContaining("--fault-rate");
        assertThatThrownBy(() -> ChaosSettings.parse("--seed", "one")).hasMessageContaining("--seed");
        assertThatThrownBy(() -> ChaosSettings.parse("--quickly")).hasMessageContaining("unknown option");
    }
}
