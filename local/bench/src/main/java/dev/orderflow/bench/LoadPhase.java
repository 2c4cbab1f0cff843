package dev.orderflow.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One load phase against the running stack: orders POSTed (open loop at a fixed rate, or closed loop at
 * saturation), then, once the pipeline has finished them, when each one was confirmed.
 *
 * @param acceptMs     each accepted POST's latency (open loop: from when it was due)
 * @param e2eMs        each confirmed order's POST -> CONFIRMED time: its {@code updatedAt} minus when it was due
 * @param acceptPerSecond  POSTs answered per second while posting
 * @param ordersPerSecond  orders confirmed per second, from the first POST due to the last confirmation
 */
record LoadPhase(String name, double offeredPerSecond, int concurrency, int posted, int accepted, int confirmed,
                 int otherFinal, List<Double> acceptMs, List<Double> e2eMs, double acceptPerSecond,
                 double ordersPerSecond) {

    Percentiles accept() {
        return Percentiles.of(acceptMs);
    }

    Percentiles e2e() {
        return Percentiles.of(e2eMs);
    }

    /** Posting side of a phase: which orders were accepted, when each was due and answered. */
    private record Posted(String orderId, long dueNanos, long doneNanos, boolean ok) {
    }

    /** Open loop: {@code rate} orders per second for {@code duration}, latency from each order's due time. */
    static LoadPhase openLoop(String name, OrdersApi api, Confirmations confirmations, String prefix, double rate,
                              Duration duration, Duration drainTimeout) {
        return openLoop(name, api, confirmations, prefix, rate, duration, drainTimeout, () -> { });
    }

    /** The same, running {@code afterPosting} once every POST has answered and before waiting for the pipeline. */
    static LoadPhase openLoop(String name, OrdersApi api, Confirmations confirmations, String prefix, double rate,
                              Duration duration, Duration drainTimeout, Runnable afterPosting) {
        OpenLoop loop = OpenLoop.forDuration(rate, duration);
        Clock clock = Clock.now();
        List<OpenLoop.Sample> samples = loop.run(i -> api.place(prefix + i));
        afterPosting.run();
        List<Posted> posted = new ArrayList<>();
        for (OpenLoop.Sample s : samples) {
            posted.add(new Posted(prefix + s.index(), s.dueNanos(), s.doneNanos(), s.ok()));
        }
        return finish(name, rate, 0, posted, clock, confirmations, drainTimeout);
    }

    /**
     * Closed loop: {@code concurrency} clients POST back to back for {@code duration} or until {@code maxOrders},
     * which saturates the accept path; the pipeline takes the backlog as fast as it can.
     */
    static LoadPhase saturation(String name, OrdersApi api, Confirmations confirmations, String prefix,
                                int concurrency, Duration duration, int maxOrders, Duration drainTimeout) {
        Clock clock = Clock.now();
        long end = clock.nanos() + duration.toNanos();
        AtomicInteger next = new AtomicInteger();
        List<Posted> posted = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                clients.execute(() -> {
                    int i;
                    while (System.nanoTime() < end && (i = next.getAndIncrement()) < maxOrders) {
                        long due = System.nanoTime();
                        boolean ok;
                        try {
                            ok = api.place(prefix + i);
                        } catch (RuntimeException e) {
                            ok = false;
                        }
                        posted.add(new Posted(prefix + i, due, System.nanoTime(), ok));
                    }
                });
            }
        }
        return finish(name, Double.NaN, concurrency, new ArrayList<>(posted), clock, confirmations, drainTimeout);
    }

    private static LoadPhase finish(String name, double offered, int concurrency, List<Posted> posted, Clock clock,
                                    Confirmations confirmations, Duration drainTimeout) {
        List<Posted> accepted = posted.stream().filter(Posted::ok).toList();
        List<Double> acceptMs = accepted.stream().map(p -> (p.doneNanos() - p.dueNanos()) / 1e6).toList();
        long firstDue = posted.stream().mapToLong(Posted::dueNanos).min().orElse(clock.nanos());
        long lastDone = posted.stream().mapToLong(Posted::doneNanos).max().orElse(clock.nanos());
        double postingSeconds = Math.max(1e-9, (lastDone - firstDue) / 1e9);

        Map<String, Confirmations.Outcome> outcomes = confirmations.await(
                accepted.stream().map(Posted::orderId).toList(), drainTimeout);
        List<Double> e2eMs = new ArrayList<>();
        int confirmed = 0;
        int otherFinal = 0;
        Instant lastConfirmed = null;
        for (Posted p : accepted) {
            Confirmations.Outcome outcome = outcomes.get(p.orderId());
            if (outcome == null) {
                continue;
            }
            if (!outcome.confirmed()) {
                otherFinal++;
                continue;
            }
            confirmed++;
            Instant due = clock.instantOf(p.dueNanos());
            e2eMs.add(Duration.between(due, outcome.updatedAt()).toNanos() / 1e6);
            if (lastConfirmed == null || outcome.updatedAt().isAfter(lastConfirmed)) {
                lastConfirmed = outcome.updatedAt();
            }
        }
        double ordersPerSecond = lastConfirmed == null ? 0
                : confirmed / Math.max(1e-9, Duration.between(clock.instantOf(firstDue), lastConfirmed).toNanos() / 1e9);
        return new LoadPhase(name, offered, concurrency, posted.size(), accepted.size(), confirmed, otherFinal, acceptMs,
                e2eMs, accepted.size() / postingSeconds, ordersPerSecond);
    }

    /** Wall-clock time of a {@link System#nanoTime()} reading, from one pairing of the two clocks. */
    private record Clock(long nanos, Instant instant) {
        static Clock now() {
            return new Clock(System.nanoTime(), Instant.now());
        }

        Instant instantOf(long nanoTime) {
            return instant.plusNanos(nanoTime - nanos);
        }
    }
}
