package dev.orderflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code ./orderflow bench [--quick] [--report FILE]}: one benchmark run against a local stack it starts itself;
 * prints the table and writes the report (JSON, Markdown, PNG). Run from the repository root (the launcher does).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        Path repository = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(repository.resolve("functions"))) {
            System.err.println("orderflow bench: run it from the repository root (./orderflow bench)");
            System.exit(2);
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(repository, args);
        } catch (IllegalArgumentException e) {
            System.err.println("orderflow bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        // Every function instance of the stack shares this one JVM, and so the URL-connection client's keep-alive
        // cache, which keeps 5 idle connections per host by default: with dozens of executions writing at once, the
        // rest would be closed after each call and reopened for the next. In Lambda each instance has its own JVM.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "256");
        }
        // The functions' INFO lines (one per step of every order) would drown the table; warnings still show.
        Logger.getLogger("").setLevel(Level.WARNING);
        Bench.Result result;
        try {
            result = new Bench(options, line -> System.out.println("bench: " + line)).run();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("orderflow bench: the run failed: " + e);
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                System.err.println("  caused by: " + cause);
            }
            System.exit(1); // the stack is closed; its servers' last threads must not keep the JVM up
            return;
        }
        BenchReport.write(result, options.report());
        System.out.println();
        System.out.print(BenchReport.table(result));
        System.out.println();
        for (Targets.Check check : Targets.check(result)) {
            System.out.println((check.met() ? "  met     " : "  MISSED  ") + check.name() + ": " + check.measured()
                    + " (target " + check.target() + ")" + (check.met() ? "" : "; " + check.shortfall()));
        }
        System.out.println();
        System.out.println("report: " + options.report().toAbsolutePath() + " (and .md, .png beside it)");
        System.exit(0); // the stack's servers are closed; do not wait for their lingering daemon-less threads
    }
}
