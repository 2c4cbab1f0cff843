package dev.orderflow.local.stack;

import dev.orderflow.local.faults.FaultPlan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code ./orderflow local} was asked for. The API listens on {@code --port} (default {@value #DEFAULT_PORT})
 * and the other endpoints on the next four ports: token server +1, Step Functions +2, DynamoDB +3, SQS +4. Port 0
 * (tests) lets the system pick every port. {@code faults} is off unless asked for: then the functions, the poller
 * and its event source meet the faults of the plan (the endpoints printed stay the real ones).
 */
public record LocalStackOptions(int port, Optional<Path> dataDir, Optional<Path> seedFile, Optional<Path> endpointsFile,
                                Duration visibilityTimeout, FaultPlan faults) {

    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);

    public static final String USAGE = """
            Usage: ./orderflow local [--port N] [--data DIR] [--seed FILE] [--endpoints-file FILE]
                                     [--visibility-timeout SECONDS]

              --port N                    API port (default 8080); the token server, Step Functions, DynamoDB and
                                          SQS take the next four ports
              --data DIR                  keep DynamoDB data in DIR across restarts (default: in memory)
              --seed FILE                 load this catalog instead of the sample one (format: README, "Catalog")
              --endpoints-file FILE       once everything answers, write the endpoints and clients there as JSON
              --visibility-timeout SECS   how long a failed queue message waits before it is retried (default 30)
              --fault-rate P              inject faults (0..1, default 0: none): failing and slow functions, a
                                          throttling and unreachable DynamoDB, throttled StartExecution, poller
                                          restarts, duplicate deliveries (README, "Reliability and security")
              --fault-seed S              the seed of the injected faults (default 1)
            """;

    public LocalStackOptions {
        Objects.requireNonNull(faults, "faults");
    }

    /** Without faults. */
    public LocalStackOptions(int port, Optional<Path> dataDir, Optional<Path> seedFile, Optional<Path> endpointsFile,
                             Duration visibilityTimeout) {
        this(port, dataDir, seedFile, endpointsFile, visibilityTimeout, FaultPlan.none());
    }

    public static LocalStackOptions defaults() {
        return new LocalStackOptions(DEFAULT_PORT, Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_VISIBILITY_TIMEOUT);
    }

    /** For tests: every port picked by the system, everything in memory. */
    public static LocalStackOptions ephemeral() {
        return new LocalStackOptions(0, Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_VISIBILITY_TIMEOUT);
    }

    public LocalStackOptions withVisibilityTimeout(Duration timeout) {
        return new LocalStackOptions(port, dataDir, seedFile, endpointsFile, timeout, faults);
    }

    public LocalStackOptions withEndpointsFile(Path file) {
        return new LocalStackOptions(port, dataDir, seedFile, Optional.of(file), visibilityTimeout, faults);
    }

    public LocalStackOptions withFaults(FaultPlan plan) {
        return new LocalStackOptions(port, dataDir, seedFile, endpointsFile, visibilityTimeout, plan);
    }

    /** The port of the n-th endpoint after the API's (0 stays 0: the system picks). */
    public int portAfterApi(int n) {
        return port == 0 ? 0 : port + n;
    }

    /** @throws IllegalArgumentException with a message for the user */
    public static LocalStackOptions parse(String... args) {
        LocalStackOptions options = defaults();
        double faultRate = 0;
        long faultSeed = FaultPlan.DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (flag) {
                case "--port" -> {
                    int port = number(flag, value);
                    if (port < 1 || port > 65_531) {
                        throw new IllegalArgumentException("--port must be 1..65531 (the next four ports are used too)");
                    }
                    options = new LocalStackOptions(port, options.dataDir, options.seedFile, options.endpointsFile,
                            options.visibilityTimeout, options.faults);
                }
                case "--data" -> options = new LocalStackOptions(options.port, Optional.of(path(flag, value)),
                        options.seedFile, options.endpointsFile, options.visibilityTimeout, options.faults);
                case "--seed" -> {
                    Path seed = path(flag, value);
                    if (!Files.isReadable(seed)) {
                        throw new IllegalArgumentException("--seed: cannot read " + seed);
                    }
                    options = new LocalStackOptions(options.port, options.dataDir, Optional.of(seed),
                            options.endpointsFile, options.visibilityTimeout, options.faults);
                }
                case "--endpoints-file" -> options = options.withEndpointsFile(path(flag, value));
                case "--visibility-timeout" -> {
                    int seconds = number(flag, value);
                    if (seconds < 1 || seconds > 43_200) {
                        throw new IllegalArgumentException("--visibility-timeout must be 1..43200 seconds");
                    }
                    options = options.withVisibilityTimeout(Duration.ofSeconds(seconds));
                }
                case "--fault-rate" -> faultRate = rate(flag, value);
                case "--fault-seed" -> faultSeed = wholeNumber(flag, value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
            i++;
        }
        return faultRate == 0 ? options : options.withFaults(FaultPlan.of(faultRate, faultSeed));
    }

    private static int number(String flag, String value) {
        long number = wholeNumber(flag, value);
        if (number != (int) number) {
            throw new IllegalArgumentException(flag + " needs a number, got '" + value + "'");
        }
        return (int) number;
    }

    /** A fault rate, 0..1. */
    public static double rate(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a number from 0 to 1");
        }
        try {
            double rate = Double.parseDouble(value);
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(flag + " needs a number from 0 to 1, got '" + value + "'");
    }

    public static long wholeNumber(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a number");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got '" + value + "'");
        }
    }

    private static Path path(String flag, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(flag + " needs a path");
        }
        return Path.of(value);
    }
}
