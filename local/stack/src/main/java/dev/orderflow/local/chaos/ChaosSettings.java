package dev.orderflow.local.chaos;

import dev.orderflow.local.faults.Fault;
import dev.orderflow.local.faults.FaultPlan;
import dev.orderflow.local.stack.LocalStackOptions;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code ./orderflow chaos} was asked for.
 *
 * @param orders            orders to place (each a {@link Scenario}); schema-invalid requests come on top
 * @param faultRate         0..1, the {@link FaultPlan}'s rate
 * @param seed              the seed of the faults and of the orders' mix
 * @param visibilityTimeout the queue's, short so that redeliveries happen within the run
 * @param deadline          how long to wait for quiescence after the last order was placed
 * @param faults            the faults to inject (all of them by default)
 */
record ChaosSettings(int orders, double faultRate, long seed, Duration visibilityTimeout, Duration deadline,
                     Set<Fault> faults) {

    static final int DEFAULT_ORDERS = 300;
    static final double DEFAULT_FAULT_RATE = 0.2;
    static final long DEFAULT_SEED = FaultPlan.DEFAULT_SEED;
    static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(2);
    static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);

    static final String USAGE = """
            Usage: ./orderflow chaos [--orders N] [--fault-rate P] [--seed S] [--deadline SECONDS]
                                     [--only FAULT,...] [--verbose]

              Starts the local stack with faults injected, places N orders over HTTP as two callers (valid ones,
              ones the catalog rejects, repeated Idempotency-Keys, deletes and replaces in flight, probes of the
              other caller's orders, and schema-invalid requests that must be refused), waits until everything
              has settled, and accounts for every 202 from DynamoDB, the workflow's executions and the
              dead-letter queue. Exits 0 only when nothing was lost or duplicated.

              --orders N             orders to place (default 300)
              --fault-rate P         0..1 (default 0.2): see README, "Reliability and security"
              --seed S               seed of the faults and of the mix of orders (default 1)
              --deadline SECONDS     how long to wait for the stack to settle (default 300)
              --only FAULT,...       inject only these faults (names as in the table, e.g. lambda_timeout)
              --verbose              print the stack's log (every warning the faults cause) as well
            """;

    ChaosSettings(int orders, double faultRate, long seed, Duration visibilityTimeout, Duration deadline) {
        this(orders, faultRate, seed, visibilityTimeout, deadline, EnumSet.allOf(Fault.class));
    }

    ChaosSettings {
        faults = Set.copyOf(faults);
        if (orders < 1) {
            throw new IllegalArgumentException("--orders must be at least 1");
        }
        if (!(faultRate >= 0 && faultRate <= 1)) {
            throw new IllegalArgumentException("--fault-rate must be 0..1");
        }
    }

    static ChaosSettings defaults() {
        return new ChaosSettings(DEFAULT_ORDERS, DEFAULT_FAULT_RATE, DEFAULT_SEED, VISIBILITY_TIMEOUT, DEFAULT_DEADLINE);
    }

    FaultPlan faultPlan() {
        return new FaultPlan(faultRate, seed, faults);
    }

    /** @throws IllegalArgumentException with a message for the user */
    static ChaosSettings parse(String... args) {
        ChaosSettings settings = defaults();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            settings = switch (flag) {
                case "--orders" -> new ChaosSettings(whole(flag, value), settings.faultRate, settings.seed,
                        settings.visibilityTimeout, settings.deadline, settings.faults);
                case "--fault-rate" -> new ChaosSettings(settings.orders, LocalStackOptions.rate(flag, value),
                        settings.seed, settings.visibilityTimeout, settings.deadline, settings.faults);
                case "--seed" -> new ChaosSettings(settings.orders, settings.faultRate,
                        LocalStackOptions.wholeNumber(flag, value), settings.visibilityTimeout, settings.deadline,
                        settings.faults);
                case "--deadline" -> new ChaosSettings(settings.orders, settings.faultRate, settings.seed,
                        settings.visibilityTimeout, Duration.ofSeconds(whole(flag, value)), settings.faults);
                case "--only" -> new ChaosSettings(settings.orders, settings.faultRate, settings.seed,
                        settings.visibilityTimeout, settings.deadline, faults(flag, value));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            };
            i++;
        }
        return settings;
    }

    private static Set<Fault> faults(String flag, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(flag + " needs fault names, e.g. lambda_timeout,sqs_duplicate");
        }
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        for (String name : value.split(",")) {
            try {
                faults.add(Fault.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(flag + ": no fault '" + name.trim() + "' (there are "
                        + Arrays.stream(Fault.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList() + ")");
            }
        }
        return faults;
    }

    private static int whole(String flag, String value) {
        long number = LocalStackOptions.wholeNumber(flag, value);
        if (number < 1 || number > 100_000) {
            throw new IllegalArgumentException(flag + " must be 1..100000");
        }
        return (int) number;
    }
}
