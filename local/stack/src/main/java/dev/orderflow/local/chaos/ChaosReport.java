package dev.orderflow.local.chaos;

import dev.orderflow.local.faults.Fault;
import dev.orderflow.local.states.execution.ExecutionStatus;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of a chaos run: what was sent and answered, where every accepted order ended, what went wrong, and
 * which faults were injected. {@link #passed()} when nothing was lost or duplicated and no caller reached another's
 * order; {@link #summary()} is the run's last line.
 */
record ChaosReport(ChaosSettings settings, Map<String, Long> answers, int schemaInvalidSent,
                   List<String> schemaInvalidAccepted, Accounts accounts, Map<Fault, Long> faults,
                   Duration submitted, Duration settled, boolean quiescent) {

    /** The accounting's findings. */
    record Accounts(int accepted, Map<Outcome, Integer> outcomes, Map<Scenario, Map<Outcome, Integer>> byScenario,
                    List<String> lost, Map<String, List<String>> duplicates, int replacesAccepted,
                    int replacesExecuted, int replacesDeadLettered, Map<ExecutionStatus, Integer> executions,
                    int deadLetters, int finalButDeadLettered, long unrecordedExecutions, long probes,
                    List<String> breaches) {

        int count(Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }

        int duplicateCount() {
            return duplicates.values().stream().mapToInt(List::size).sum();
        }
    }

    int lost() {
        return accounts.lost().size();
    }

    int duplicates() {
        return accounts.duplicateCount();
    }

    boolean passed() {
        return lost() == 0 && duplicates() == 0 && accounts.breaches().isEmpty() && schemaInvalidAccepted.isEmpty();
    }

    /** The last line: {@code accepted=N confirmed=N rejected=N failed=N deleted=N dlq=N lost=N duplicates=N}. */
    String summary() {
        return "accepted=" + accounts.accepted()
                + " confirmed=" + accounts.count(Outcome.CONFIRMED)
                + " rejected=" + accounts.count(Outcome.REJECTED)
                + " failed=" + accounts.count(Outcome.FAILED)
                + " deleted=" + accounts.count(Outcome.DELETED)
                + " dlq=" + accounts.count(Outcome.DLQ)
                + " lost=" + lost()
                + " duplicates=" + duplicates();
    }

    /** The whole report, table and last line. */
    String render() {
        StringBuilder out = new StringBuilder();
        out.append("Orderflow chaos run: ").append(settings.orders()).append(" orders, fault rate ")
                .append(settings.faultRate()).append(", seed ").append(settings.seed()).append(", visibility timeout ")
                .append(settings.visibilityTimeout().toSeconds()).append(" s\n");
        out.append(String.format(Locale.ROOT, "clients done after %.1f s; %s after %.1f s%n", seconds(submitted),
                quiescent ? "quiescent" : "NOT quiescent (deadline reached)", seconds(settled)));

        out.append("\nAPI answers\n");
        answers.forEach((answer, count) -> out.append(String.format(Locale.ROOT, "  %-28s %6d%n", answer, count)));
        out.append(String.format(Locale.ROOT, "  %-28s %6d  (all must be 400: %d accepted)%n", "schema-invalid sent",
                schemaInvalidSent, schemaInvalidAccepted.size()));

        out.append("\nAccepted orders by scenario    ");
        for (Outcome outcome : Outcome.values()) {
            out.append(String.format(Locale.ROOT, "%10s", outcome.name().toLowerCase(Locale.ROOT)));
        }
        out.append('\n');
        for (Scenario scenario : Scenario.values()) {
            Map<Outcome, Integer> row = accounts.byScenario().getOrDefault(scenario, Map.of());
            out.append(String.format(Locale.ROOT, "  %-28s", scenario.name().toLowerCase(Locale.ROOT)));
            for (Outcome outcome : Outcome.values()) {
                out.append(String.format(Locale.ROOT, "%10d", row.getOrDefault(outcome, 0)));
            }
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT, "  %-28s", "all"));
        for (Outcome outcome : Outcome.values()) {
            out.append(String.format(Locale.ROOT, "%10d", accounts.count(outcome)));
        }
        out.append('\n');

        out.append("\nReplaces (PUT 202)             ").append(accounts.replacesAccepted()).append(": executed ")
                .append(accounts.replacesExecuted()).append(", in the DLQ ").append(accounts.replacesDeadLettered())
                .append('\n');
        out.append("Executions                     ").append(accounts.executions()).append('\n');
        out.append("Dead-letter queue              ").append(accounts.deadLetters()).append(" messages (")
                .append(accounts.unrecordedExecutions()).append(" from executions that could not record their order; ")
                .append(accounts.finalButDeadLettered()).append(" of orders final anyway)\n");
        out.append("Another caller's orders        ").append(accounts.probes()).append(" probes, ")
                .append(accounts.breaches().size()).append(" breaches\n");

        out.append("\nFaults injected\n");
        faults.forEach((fault, count) -> out.append(String.format(Locale.ROOT, "  %-15s %-21s %6d  %s%n",
                fault.layer(), fault.name().toLowerCase(Locale.ROOT), count, fault.description())));

        problems(out, "LOST", accounts.lost());
        accounts.duplicates().forEach((kind, which) -> problems(out, "DUPLICATE: " + kind, which));
        problems(out, "ISOLATION BREACH", accounts.breaches());
        problems(out, "SCHEMA-INVALID ACCEPTED", schemaInvalidAccepted);
        out.append('\n').append(summary()).append('\n');
        return out.toString();
    }

    private static void problems(StringBuilder out, String title, List<String> which) {
        if (which.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append(" (").append(which.size()).append(")\n");
        which.stream().limit(50).forEach(line -> out.append("  ").append(line).append('\n'));
        if (which.size() > 50) {
            out.append("  ... and ").append(which.size() - 50).append(" more\n");
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
