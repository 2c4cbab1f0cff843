package dev.orderflow.local.states.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where the runner's time comes from. A real clock waits for real; a virtual clock lets Wait states, retry
 * backoffs and timeouts cost no wall time, while every timestamp (history, context object, {@code $now()})
 * advances exactly as if the wait had happened.
 * <p>
 * Each execution runs on its own {@link Timeline}, forked from this clock, so that concurrent executions and the
 * branches of a Parallel or Map state each keep their own notion of "how long have I waited".
 */
public sealed interface StatesClock {

    /** Real time, real waits. */
    static StatesClock system() {
        return new Real(Clock.systemUTC());
    }

    /** Real waits, time read from {@code clock}. */
    static StatesClock real(Clock clock) {
        return new Real(clock);
    }

    /** Virtual waits on top of the system clock: elapsed work time is real, waited time is skipped. */
    static StatesClock virtual() {
        return new Virtual(Clock.systemUTC());
    }

    /** Virtual waits on top of {@code base}; with {@link Clock#fixed} every timestamp is deterministic. */
    static StatesClock virtual(Clock base) {
        return new Virtual(base);
    }

    /** The engine's current time (API timestamps outside an execution). */
    Instant instant();

    boolean isVirtual();

    /** A fresh timeline for one execution, starting now. */
    Timeline startTimeline();

    /** One strand of time: an execution, or a branch of it. Not shared between threads. */
    interface Timeline {

        Instant now();

        /** Lets {@code duration} pass; a real timeline sleeps (interruptibly), a virtual one only moves on. */
        void sleep(Duration duration) throws InterruptedException;

        /** A timeline for a branch that starts where this one is now. */
        Timeline fork();

        /** Continues after the given branches: a virtual timeline moves to the latest of them. */
        void join(List<Timeline> branches);
    }

    record Real(Clock clock) implements StatesClock {

        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public boolean isVirtual() {
            return false;
        }

        @Override
        public Timeline startTimeline() {
            return new RealTimeline(clock);
        }
    }

    record Virtual(Clock base) implements StatesClock {

        @Override
        public Instant instant() {
            return base.instant();
        }

        @Override
        public boolean isVirtual() {
            return true;
        }

        @Override
        public Timeline startTimeline() {
            return new VirtualTimeline(base, Duration.ZERO);
        }
    }

    /** Reads the clock and really waits. */
    final class RealTimeline implements Timeline {
        private final Clock clock;

        RealTimeline(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Instant now() {
            return clock.instant();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (duration.isPositive()) {
                Thread.sleep(duration);
            } else if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }

        @Override
        public Timeline fork() {
            return new RealTimeline(clock);
        }

        @Override
        public void join(List<Timeline> branches) {
            // real branches ran in real time: nothing to catch up
        }
    }

    /** The base clock plus all the waiting this strand has skipped. */
    final class VirtualTimeline implements Timeline {
        private final Clock base;
        private volatile Duration skipped;

        VirtualTimeline(Clock base, Duration skipped) {
            this.base = base;
            this.skipped = skipped;
        }

        @Override
        public Instant now() {
            return base.instant().plus(skipped);
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (duration.isPositive()) {
                skipped = skipped.plus(duration);
            }
        }

        @Override
        public Timeline fork() {
            return new VirtualTimeline(base, skipped);
        }

        @Override
        public void join(List<Timeline> branches) {
            for (Timeline branch : branches) {
                if (branch instanceof VirtualTimeline virtual && virtual.skipped.compareTo(skipped) > 0) {
                    skipped = virtual.skipped;
                }
            }
        }
    }
}
