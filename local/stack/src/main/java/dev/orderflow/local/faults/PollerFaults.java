package dev.orderflow.local.faults;

import dev.orderflow.local.embedded.SqsEventSource;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The event source's delivery faults: a share of messages handed to two pollers at once ({@link Fault#SQS_DUPLICATE}),
 * and now and then a poller that dies right after its handler answered ({@link Fault#POLLER_RESTART}): the batch's
 * deletes are skipped, the event source is stopped and, a moment later, started again; the batch's messages come
 * back after the visibility timeout, though their executions have started. {@link #close()} ends any restart under
 * way (before the event source itself is closed).
 */
public final class PollerFaults implements SqsEventSource.DeliveryFaults, AutoCloseable {

    /** How long the poller stays down before it is started again. */
    static final Duration DOWNTIME = Duration.ofMillis(300);

    private final Faults faults;
    private final AtomicBoolean restarting = new AtomicBoolean();
    private volatile SqsEventSource source;
    private volatile Thread restart;
    private volatile boolean closed;

    PollerFaults(Faults faults) {
        this.faults = faults;
    }

    /** The event source to stop and restart; until attached, no batch is dropped. */
    public void attach(SqsEventSource source) {
        this.source = source;
    }

    /** True while the poller is down or coming back up. */
    public boolean isRestarting() {
        return restarting.get();
    }

    @Override
    public List<Message> deliverTwice(List<Message> batch) {
        List<Message> twice = batch.stream().filter(message -> faults.draw(Fault.SQS_DUPLICATE)).toList();
        twice.forEach(message -> faults.record(Fault.SQS_DUPLICATE));
        return twice;
    }

    @Override
    public boolean dropDeletes(List<Message> batch) {
        SqsEventSource target = source;
        if (target == null || closed || !faults.draw(Fault.POLLER_RESTART) || !restarting.compareAndSet(false, true)) {
            return false;
        }
        faults.record(Fault.POLLER_RESTART);
        restart = Thread.ofVirtual().name("poller-restart").start(() -> {
            try {
                target.stop();
                LockSupport.parkNanos(DOWNTIME.toNanos());
                if (!closed) {
                    target.start();
                }
            } finally {
                restarting.set(false);
            }
        });
        return true;
    }

    @Override
    public void close() {
        closed = true;
        Thread running = restart;
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
