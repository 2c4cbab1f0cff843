package dev.orderflow.local.chaos;

import dev.orderflow.local.faults.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./orderflow chaos} at a size fit for CI: every fault of the plan injected, and still every 202 accounted
 * for, nothing duplicated, no caller reaching another's orders.
 */
class ChaosIT {

    static final int ORDERS = 60;
    static final double FAULT_RATE = 0.2;
    static final long SEED = 1;

    private static Level rootLevel;

    @BeforeAll
    static void quiet() {
        rootLevel = Logger.getLogger("").getLevel();
        Logger.getLogger("").setLevel(Level.SEVERE); // every injected fault is logged as a warning, as it should be
    }

    @AfterAll
    static void restore() {
        Logger.getLogger("").setLevel(rootLevel);
    }

    @Test
    void ciSizedRun_accountsForEvery202_withEveryKindOfFaultInjected() {
        ChaosReport report = ChaosRun.run(new ChaosSettings(ORDERS, FAULT_RATE, SEED, ChaosSettings.VISIBILITY_TIMEOUT,
                Duration.ofSeconds(90)));
        System.out.print(report.render());

        assertThat(report.quiescent()).as("settled before the deadline").isTrue();
        assertThat(report.lost()).as("lost").isZero();
        assertThat(report.duplicates()).as("duplicates").isZero();
        assertThat(report.accounts().breaches()).as("isolation breaches").isEmpty();
        assertThat(report.schemaInvalidAccepted()).as("schema-invalid requests accepted").isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.summary()).matches(
                "accepted=\\d+ confirmed=\\d+ rejected=\\d+ failed=\\d+ deleted=\\d+ dlq=\\d+ lost=0 duplicates=0");

        assertThat(report.faults()).hasSize(Fault.values().length)
                .allSatisfy((fault, injected) -> assertThat(injected).as("%s injected", fault).isPositive());
        ChaosReport.Accounts accounts = report.accounts();
        assertThat(accounts.accepted()).isGreaterThanOrEqualTo(ORDERS);
        assertThat(accounts.outcomes().values().stream().mapToInt(Integer::intValue).sum())
                .as("each accepted order in exactly one outcome").isEqualTo(accounts.accepted());
        for (Outcome outcome : new Outcome[] {Outcome.CONFIRMED, Outcome.REJECTED, Outcome.DELETED, Outcome.DLQ}) {
            assertThat(accounts.count(outcome)).as("%s orders", outcome).isPositive();
        }
        assertThat(accounts.unrecordedExecutions()).as("executions that could not record their order, dead-lettered")
                .isPositive();
        assertThat(accounts.replacesAccepted()).isEqualTo(accounts.replacesExecuted() + accounts.replacesDeadLettered());
        assertThat(accounts.probes()).isPositive();
    }
}
