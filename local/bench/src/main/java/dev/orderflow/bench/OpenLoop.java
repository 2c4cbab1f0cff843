package dev.orderflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * An open-loop load generator: request {@code i} is due at {@code start + i / rate}, whether or not earlier
 * requests have answered, and each runs on its own virtual thread. Latency is measured from the time a request was
 * <em>due</em>, not from when it was sent, so a stall in the system (or in this generator) shows in the figures
 * instead of silently lowering the offered load (no coordinated omission).
 */
public final class OpenLoop {

    /** One request's outcome: when it was due and when it was answered (both {@link System#nanoTime()}). */
    public record Sample(long index, long dueNanos, long doneNanos, boolean ok) {
        public double latencyMs() {
            return (doneNanos - dueNanos) / 1e6;
        }
    }

    private final double ratePerSecond;
    private final long count;

    public OpenLoop(double ratePerSecond, long count) {
        if (ratePerSecond <= 0 || count < 0) {
            throw new IllegalArgumentException("rate must be positive and count not negative");
        }
        this.ratePerSecond = ratePerSecond;
        this.count = count;
    }

    public static OpenLoop forDuration(double ratePerSecond, Duration duration) {
        return new OpenLoop(ratePerSecond, Math.round(ratePerSecond * duration.toNanos() / 1e9));
    }

    public long count() {
        return count;
    }

    /** When request {@code index} is due, relative to the start, in nanoseconds. */
    public long offsetNanos(long index) {
        return Math.round(index * 1e9 / ratePerSecond);
    }

    /**
     * Runs every request and waits for all of them. {@code request} gets the request's index and reports success;
     * it may throw, which counts as a failure at the time it threw.
     */
    public List<Sample> run(LongFunction<Boolean> request) {
        Sample[] samples = new Sample[(int) count];
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < count; i++) {
                long due = start + offsetNanos(i);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long index = i;
                threads.execute(() -> {
                    boolean ok;
                    try {
                        ok = request.apply(index);
                    } catch (RuntimeException e) {
                        ok = false;
                    }
                    samples[(int) index] = new Sample(index, due, System.nanoTime(), ok);
                });
            }
        }
        return new ArrayList<>(List.of(samples));
    }
}
