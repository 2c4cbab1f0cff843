package dev.orderflow.bench;

import java.util.Arrays;

/**
 * Latency percentiles by the nearest-rank method on the sorted samples: the p-th percentile is the smallest sample
 * such that at least p% of all samples are at or below it. No interpolation, so every figure is a latency that was
 * really observed; an empty sample has no percentiles (NaN).
 */
public final class Percentiles {

    private final double[] sorted;

    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    public static Percentiles of(double... samples) {
        double[] copy = samples.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    public static Percentiles of(java.util.Collection<? extends Number> samples) {
        return of(samples.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** @param p from 0 (exclusive) to 100 (inclusive) */
    public double at(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("a percentile is in (0, 100], got " + p);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length); // 1-based
        return sorted[Math.max(0, rank - 1)];
    }

    public double median() {
        return at(50);
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    public double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    public int count() {
        return sorted.length;
    }

    /** The sorted samples (a copy), for charts. */
    public double[] sorted() {
        return sorted.clone();
    }
}
