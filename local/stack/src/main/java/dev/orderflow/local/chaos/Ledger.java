package dev.orderflow.local.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the API told the callers during a chaos run, written concurrently by the traffic: every order accepted
 * (each 202 to a POST, counted once per caller and order id), every change accepted (each 202 to a PUT, by its
 * request id), every DELETE answered 204, every probe of another caller's order, and every answer by method and
 * status.
 */
final class Ledger {

    /** An order as the service keys it: the caller (the token's sub) and the order id. */
    record OrderKey(String userId, String orderId) implements Comparable<OrderKey> {
        @Override
        public int compareTo(OrderKey other) {
            int byUser = userId.compareTo(other.userId);
            return byUser != 0 ? byUser : orderId.compareTo(other.orderId);
        }

        @Override
        public String toString() {
            return userId + "/" + orderId;
        }
    }

    /** A PUT answered 202: the order it names, under the caller who sent it, and API Gateway's request id. */
    record Replace(OrderKey order, String requestId, boolean foreign) {
    }

    private final ConcurrentMap<OrderKey, Scenario> accepted = new ConcurrentHashMap<>();
    private final List<Replace> replaces = new ArrayList<>();
    private final Set<OrderKey> deleted = ConcurrentHashMap.newKeySet();
    private final List<String> idempotencyBreaks = new ArrayList<>();
    private final List<String> isolationBreaches = new ArrayList<>();
    private final List<String> schemaAccepted = new ArrayList<>();
    private final ConcurrentMap<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final LongAdder probes = new LongAdder();

    void answered(String method, int status) {
        answers.computeIfAbsent(method + " " + (status == 0 ? "no answer" : Integer.toString(status)),
                k -> new LongAdder()).increment();
    }

    void accepted(OrderKey order, Scenario scenario) {
        accepted.putIfAbsent(order, scenario);
    }

    void idempotencyBroken(String what) {
        synchronized (idempotencyBreaks) {
            idempotencyBreaks.add(what);
        }
    }

    synchronized void replaceAccepted(OrderKey order, String requestId, boolean foreign) {
        replaces.add(new Replace(order, requestId, foreign));
    }

    void deleted(OrderKey order) {
        deleted.add(order);
    }

    void probed() {
        probes.increment();
    }

    void breach(String what) {
        synchronized (isolationBreaches) {
            isolationBreaches.add(what);
        }
    }

    void schemaInvalidAccepted(String body) {
        synchronized (schemaAccepted) {
            schemaAccepted.add(body);
        }
    }

    Map<OrderKey, Scenario> accepted() {
        return new TreeMap<>(accepted);
    }

    synchronized List<Replace> replaces() {
        return List.copyOf(replaces);
    }

    Set<OrderKey> deleted() {
        return Set.copyOf(deleted);
    }

    List<String> idempotencyBreaks() {
        synchronized (idempotencyBreaks) {
            return List.copyOf(idempotencyBreaks);
        }
    }

    List<String> isolationBreaches() {
        synchronized (isolationBreaches) {
            return List.copyOf(isolationBreaches);
        }
    }

    List<String> schemaAccepted() {
        synchronized (schemaAccepted) {
            return List.copyOf(schemaAccepted);
        }
    }

    long probes() {
        return probes.sum();
    }

    /** Answers by "METHOD status", sorted. */
    Map<String, Long> answers() {
        Map<String, Long> sorted = new TreeMap<>();
        answers.forEach((key, count) -> sorted.put(key, count.sum()));
        return sorted;
    }
}
