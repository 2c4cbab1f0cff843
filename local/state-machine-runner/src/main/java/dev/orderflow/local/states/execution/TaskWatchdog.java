package dev.orderflow.local.states.execution;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Time limits for calls made on the caller's own thread (no hand-off to another thread per task): when the limit
 * passes before the call ends, the calling thread is interrupted and the call counts as timed out, whatever it
 * then returns. A handler that ignores interrupts is waited for, and still times out.
 */
final class TaskWatchdog {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private TaskWatchdog() {
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("orderflow-task-watchdog").factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Starts timing the current thread's call; without a limit nothing is timed. */
    static Guard arm(Duration limit) {
        return limit == null ? Guard.UNLIMITED : new Guard(Thread.currentThread(), limit);
    }

    /** One timed call. */
    static final class Guard {
        static final Guard UNLIMITED = new Guard();

        private final AtomicBoolean settled = new AtomicBoolean();
        private final ScheduledFuture<?> alarm;

        private Guard() {
            alarm = null;
        }

        private Guard(Thread caller, Duration limit) {
            alarm = TIMER.schedule(() -> {
                if (settled.compareAndSet(false, true)) {
                    caller.interrupt();
                }
            }, Math.max(0, limit.toMillis()), TimeUnit.MILLISECONDS);
        }

        /**
         * Ends the timing. Answers true when the call ended in time; false when the limit passed first, in which case
         * the interrupt it caused has been cleared.
         */
        boolean endedInTime() {
            if (alarm == null) {
                return true;
            }
            if (settled.compareAndSet(false, true)) {
                alarm.cancel(false);
                return true;
            }
            Thread.interrupted();
            return false;
        }
    }
}
