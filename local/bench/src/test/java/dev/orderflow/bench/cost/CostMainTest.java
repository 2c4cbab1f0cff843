package dev.orderflow.bench.cost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CostMainTest {

    @Test
    void readsTheStackFile_andTheWorkflowTypeOptionWins(@TempDir Path repository) throws IOException {
        Files.writeString(repository.resolve("Pulumi.dev.yaml"), """
                config:
                  orderflow:workflowType: STANDARD
                  orderflow:functionMemoryMb: "2048"
                  orderflow:pollerBatchSize: "5"
                """);

        String standard = CostMain.run(repository);
        String express = CostMain.run(repository, "--workflow-type", "express", "--orders-per-month", "5000000");

        assertThat(standard).contains("STANDARD workflow").contains("2048 MB").contains("Pulumi.dev.yaml")
                .contains("assumed (no bench report found)").contains("Standard state transitions");
        assertThat(express).contains("EXPRESS workflow").contains("Express duration")
                .contains("at 5,000,000 orders a month");
    }

    @Test
    void takesDurationsFromABenchReport(@TempDir Path repository) throws IOException {
        Path report = repository.resolve("report.json");
        Files.writeString(report, """
                {"startedAt": "2026-11-22T10:00:00Z", "coldStart": [
                  {"function": "validate-order", "initMs": 200, "firstInvokeMs": 100, "warmInvokeMs": 7}]}
                """);

        assertThat(CostMain.run(repository, "--report", report.toString()))
                .contains("bench report").contains("validate-order duration (7 ms");
    }

    @Test
    void refusesAnUnknownWorkflowType_orOption(@TempDir Path repository) {
        assertThatThrownBy(() -> CostMain.run(repository, "--workflow-type", "FAST")).hasMessageContaining("STANDARD or EXPRESS");
        assertThatThrownBy(() -> CostMain.run(repository, "--cheaper")).hasMessageContaining("--cheaper");
    }
}
