package dev.orderflow.local.chaos;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ./orderflow chaos}: one chaos run (see {@link ChaosSettings#USAGE}), its table on standard output ending
 * with the line {@code accepted=N confirmed=N rejected=N failed=N deleted=N dlq=N lost=N duplicates=N}. Exits 0
 * when nothing was lost or duplicated and no caller reached another's orders, 1 otherwise, 2 on a bad option.
 */
public final class ChaosCommand {

    private ChaosCommand() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(ChaosSettings.USAGE);
            return;
        }
        boolean verbose = Arrays.asList(args).contains("--verbose");
        ChaosSettings settings;
        try {
            settings = ChaosSettings.parse(Arrays.stream(args).filter(a -> !a.equals("--verbose"))
                    .toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println("orderflow chaos: " + e.getMessage());
            System.err.print(ChaosSettings.USAGE);
            System.exit(2);
            return;
        }
        if (!verbose) {
            quietLogs();
        }
        System.out.println("orderflow chaos: " + settings.orders() + " orders, fault rate " + settings.faultRate()
                + ", seed " + settings.seed() + " ...");
        ChaosReport report = ChaosRun.run(settings);
        System.out.print(report.render());
        System.exit(report.passed() ? 0 : 1);
    }

    /**
     * Injected faults make the functions and the poller log a warning each time they meet one, as they should;
     * here the table says it all, so only severe records are printed.
     */
    static void quietLogs() {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.SEVERE);
        for (var handler : root.getHandlers()) {
            handler.setLevel(Level.SEVERE);
        }
    }
}
