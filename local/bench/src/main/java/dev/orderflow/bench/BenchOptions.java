package dev.orderflow.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code ./orderflow bench} was asked for. {@code --quick} keeps every phase short (the whole run under three
 * minutes) but still takes at least ten cold starts per median it reports.
 */
record BenchOptions(boolean quick, Path report, Path repository, int coldStartRuns, int warmInvocations,
                    Duration floorDuration,
                    double fixedRatePerSecond, Duration fixedDuration, int saturationConcurrency,
                    Duration saturationDuration, int saturationMaxOrders, int floorConcurrency, Duration drainTimeout) {

    static final String USAGE = """
            Usage: ./orderflow bench [--quick] [--report FILE]

              --quick        a shorter run (under three minutes): shorter phases, 10 cold starts per function
              --report FILE  where to write the report: FILE (JSON), and beside it FILE with .md and .png
                             (default target/bench/report.json under local/bench)

            Starts the local stack on free ports, then measures, in one run: the floors (DynamoDB Local PutItem/s,
            ElasticMQ send+receive+delete/s), every function's cold start beside a bare JVM's, POST /orders and
            POST -> CONFIRMED at 100 orders/s and at saturation, and the function artifacts' sizes.
            """;

    static final Path DEFAULT_REPORT = Path.of("local", "bench", "target", "bench", "report.json");

    static BenchOptions full(Path repository) {
        return new BenchOptions(false, repository.resolve(DEFAULT_REPORT), repository, 20, 50, Duration.ofSeconds(8),
                100, Duration.ofSeconds(30), 32, Duration.ofSeconds(20), 8_000, 16, Duration.ofSeconds(120));
    }

    static BenchOptions quick(Path repository) {
        return new BenchOptions(true, repository.resolve(DEFAULT_REPORT), repository, 10, 20, Duration.ofSeconds(4),
                100, Duration.ofSeconds(10), 32, Duration.ofSeconds(6), 2_000, 16, Duration.ofSeconds(60));
    }

    /** A tiny run for tests: seconds, not minutes. */
    static BenchOptions tiny(Path repository, Path report) {
        return new BenchOptions(true, report, repository, 1, 3, Duration.ofMillis(500),
                50, Duration.ofSeconds(1), 4, Duration.ofSeconds(1), 100, 4, Duration.ofSeconds(30));
    }

    BenchOptions withReport(Path file) {
        return new BenchOptions(quick, file, repository, coldStartRuns, warmInvocations, floorDuration, fixedRatePerSecond,
                fixedDuration,
                saturationConcurrency, saturationDuration, saturationMaxOrders, floorConcurrency, drainTimeout);
    }

    static BenchOptions parse(Path repository, String... args) {
        boolean quick = false;
        Path report = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--report" -> {
                    if (i + 1 >= args.length || args[i + 1].isBlank()) {
                        throw new IllegalArgumentException("--report needs a file");
                    }
                    report = Path.of(args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        BenchOptions options = quick ? quick(repository) : full(repository);
        return report == null ? options : options.withReport(report);
    }
}
