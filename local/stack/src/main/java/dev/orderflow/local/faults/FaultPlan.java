package dev.orderflow.local.faults;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which faults the local stack injects, how often, and from which seed: a value, passed in through the stack's
 * options. {@link #none()} (the default) injects nothing. Decisions keyed by what they concern (an order, an
 * invocation attempt) are a pure function of the seed and the key, so the same orders meet the same faults on
 * every run; the rest (per request, per batch) come from a random source seeded with it.
 *
 * @param rate    0..1: each fault's probability is {@code rate} times its {@linkplain Fault share}
 * @param seed    the seed of every decision
 * @param enabled the faults that may happen at all
 */
public record FaultPlan(double rate, long seed, Set<Fault> enabled) {

    public static final long DEFAULT_SEED = 1;

    public FaultPlan {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("the fault rate must be 0..1, was " + rate);
        }
        enabled = enabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabled));
    }

    /** No faults: the stack as it always is. */
    public static FaultPlan none() {
        return new FaultPlan(0, DEFAULT_SEED, Set.of());
    }

    /** Every fault, at {@code rate}. */
    public static FaultPlan of(double rate, long seed) {
        return new FaultPlan(rate, seed, EnumSet.allOf(Fault.class));
    }

    /** The same rate and seed, with only these faults. */
    public FaultPlan only(Fault... faults) {
        return new FaultPlan(rate, seed, faults.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(faults)));
    }

    public boolean isOff() {
        return rate == 0 || enabled.isEmpty();
    }

    public boolean isEnabled(Fault fault) {
        return rate > 0 && enabled.contains(fault);
    }

    public double probability(Fault fault) {
        return isEnabled(fault) ? fault.probability(rate) : 0;
    }

    /** Whether {@code fault} strikes what {@code key} names: the same answer for the same seed and key, always. */
    public boolean strikes(Fault fault, String key) {
        return isEnabled(fault) && uniform(fault, key) < probability(fault);
    }

    /** A number in [0, 1) that depends only on the seed, the fault and the key. */
    public double uniform(Fault fault, String key) {
        long hash = mix(seed ^ mix(fault.ordinal() + 1L));
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = mix(hash ^ (b & 0xff));
        }
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finalizer: every bit of the input reaches every bit of the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return isOff() ? "no faults" : "fault rate " + rate + ", seed " + seed
                + (enabled.size() == Fault.values().length ? "" : ", only " + enabled);
    }
}
