package dev.orderflow.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void quick_isShorter_butStillTakesTenColdStartsPerMedian() {
        BenchOptions quick = BenchOptions.parse(ROOT, "--quick");
        BenchOptions full = BenchOptions.parse(ROOT);

        assertThat(quick.quick()).isTrue();
        assertThat(quick.coldStartRuns()).isGreaterThanOrEqualTo(10);
        assertThat(full.coldStartRuns()).isGreaterThanOrEqualTo(quick.coldStartRuns());
        assertThat(quick.fixedDuration()).isLessThan(full.fixedDuration());
        assertThat(quick.fixedRatePerSecond()).isEqualTo(100);
        assertThat(full.report()).isEqualTo(ROOT.resolve(BenchOptions.DEFAULT_REPORT));
    }

    @Test
    void report_goesWhereItIsAsked() {
        assertThat(BenchOptions.parse(ROOT, "--report", "out/r.json").report()).isEqualTo(Path.of("out/r.json"));
    }

    @Test
    void unknownOptions_andAReportWithoutAFile_areRefused() {
        assertThatThrownBy(() -> BenchOptions.parse(ROOT, "--fast")).hasMessageContaining("--fast");
        assertThatThrownBy(() -> BenchOptions.parse(ROOT, "--report")).hasMessageContaining("--report");
    }
}
