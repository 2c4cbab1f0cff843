package dev.orderflow.local.states.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.orderflow.local.states.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs the branches of a Parallel state or the iterations of a Map state on virtual threads, at most
 * {@code maxConcurrency} at a time (0: all at once). The first failure cancels the rest (those waiting for their
 * turn never start) and is rethrown; a stop of the execution interrupts them all.
 */
final class Branches {

    private Branches() {
    }

    /** What one branch does, on its own strand. */
    @FunctionalInterface
    interface Branch {
        JsonNode run(int index, Strand strand);
    }

    /**
     * Runs the {@code count} branches of a Parallel or Map state, each on a strand forked from the state's, and
     * records how they ended as the state's {@code <Type>StateSucceeded}, {@code Failed} or {@code Aborted} event.
     *
     * @return the branches' outputs, in order
     */
    static ArrayNode runForState(Strand strand, String stateType, int count, int maxConcurrency, Branch branch) {
        List<Strand> strands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            strands.add(strand.branch());
        }
        try {
            List<JsonNode> outputs = runAll(count, maxConcurrency, index -> branch.run(index, strands.get(index)));
            strand.joined(strands);
            ArrayNode result = Json.NODES.arrayNode();
            outputs.forEach(result::add);
            strand.record(stateType + "StateSucceeded");
            return result;
        } catch (StatesError error) {
            strand.joined(strands);
            strand.record(stateType + "StateFailed");
            throw error;
        } catch (ExecutionStopped.Aborted aborted) {
            strand.joined(strands);
            strand.record(stateType + "StateAborted");
            throw aborted;
        }
    }

    /** The results in branch order, or the first failure. */
    private static List<JsonNode> runAll(int count, int maxConcurrency, IntFunction<JsonNode> branch) {
        Semaphore permits = new Semaphore(maxConcurrency <= 0 ? Integer.MAX_VALUE : maxConcurrency);
        List<CompletableFuture<JsonNode>> futures = new ArrayList<>(count);
        List<Thread> threads = new ArrayList<>(count);
        CompletableFuture<Void> settled = new CompletableFuture<>();
        AtomicInteger running = new AtomicInteger(count);
        AtomicBoolean failed = new AtomicBoolean();
        for (int i = 0; i < count; i++) {
            int index = i;
            CompletableFuture<JsonNode> future = new CompletableFuture<>();
            futures.add(future);
            threads.add(Thread.ofVirtual().name("branch-" + index).start(() -> {
                try {
                    permits.acquire();
                } catch (InterruptedException e) {
                    future.completeExceptionally(new ExecutionStopped.Aborted());
                    settled.complete(null);
                    return;
                }
                try {
                    if (failed.get()) {
                        future.completeExceptionally(new ExecutionStopped.Aborted());
                    } else {
                        future.complete(branch.apply(index));
                    }
                } catch (Throwable thrown) {
                    failed.set(true);
                    future.completeExceptionally(thrown);
                } finally {
                    permits.release();
                }
                if (future.isCompletedExceptionally() || running.decrementAndGet() == 0) {
                    settled.complete(null);
                }
            }));
        }
        if (count == 0) {
            settled.complete(null);
        }
        try {
            settled.get();
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            join(threads);
            throw new ExecutionStopped.Aborted();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the settled signal never fails", e);
        }
        RuntimeException failure = firstFailure(futures);
        if (failure != null) {
            threads.forEach(Thread::interrupt);
            join(threads);
            throw failure;
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    /** The failure of the lowest-numbered failed branch: deterministic when several fail at once. */
    private static RuntimeException firstFailure(List<CompletableFuture<JsonNode>> futures) {
        RuntimeException first = null;
        for (CompletableFuture<JsonNode> future : futures) {
            if (future.isCompletedExceptionally()) {
                try {
                    future.join();
                } catch (CompletionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                    if (first == null || first instanceof ExecutionStopped && !(cause instanceof ExecutionStopped)) {
                        first = cause;
                    }
                }
            }
        }
        return first;
    }

    private static void join(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
