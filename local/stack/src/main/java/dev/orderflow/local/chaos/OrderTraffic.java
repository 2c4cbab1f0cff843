package dev.orderflow.local.chaos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderflow.domain.Menu;
import dev.orderflow.domain.MenuItem;
import dev.orderflow.workflow.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The orders a chaos run places, over real HTTP with two callers' real tokens: a mix of {@link Scenario}s drawn
 * from the seed, started at a steady pace with a bounded number in flight, each behaving as a client would (it
 * retries an answer that never came or a 5xx, never a 4xx). Schema-invalid requests are sent too; they must be
 * refused with 400 and are not orders. Everything the API answered goes into the {@link Ledger}.
 */
final class OrderTraffic {

    /** Orders started per second, and at most this many in flight. */
    static final int ORDERS_PER_SECOND = 50;
    static final int IN_FLIGHT = 64;
    /**
     * How long a client keeps at a DELETE, or waits to see its order, before it gives up: long enough for a backlog
     * that faults have built up. Between tries it waits 100 ms, then half as long again each time, up to 1 s.
     */
    static final Duration CLIENT_PATIENCE = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);
    private static final int ATTEMPTS = 5;

    private final ApiCaller alice;
    private final ApiCaller bob;
    private final List<MenuItem> orderable;
    private final List<String[]> rejectable;
    private final Ledger ledger;
    private final long seed;

    OrderTraffic(ApiCaller alice, ApiCaller bob, List<Menu> catalog, Ledger ledger, long seed) {
        this.alice = alice;
        this.bob = bob;
        this.ledger = ledger;
        this.seed = seed;
        this.orderable = catalog.stream().filter(menu -> menu.restaurant().acceptingOrders())
                .flatMap(menu -> menu.items().values().stream()).filter(MenuItem::available)
                .sorted(Comparator.comparing(MenuItem::restaurantId).thenComparing(MenuItem::menuItemId)).toList();
        this.rejectable = rejectable(catalog);
        if (orderable.isEmpty()) {
            throw new IllegalArgumentException("the catalog has no dish that can be ordered");
        }
    }

    /** Restaurant and dish pairs the catalog rejects: unavailable dishes, closed and unknown restaurants, unknown dishes. */
    private static List<String[]> rejectable(List<Menu> catalog) {
        List<String[]> pairs = new ArrayList<>();
        catalog.stream().sorted(Comparator.comparing(menu -> menu.restaurant().restaurantId())).forEach(menu -> {
            menu.items().values().stream().sorted(Comparator.comparing(MenuItem::menuItemId)).forEach(item -> {
                if (!menu.restaurant().acceptingOrders() || !item.available()) {
                    pairs.add(new String[] {menu.restaurant().restaurantId(), item.menuItemId()});
                }
            });
            pairs.add(new String[] {menu.restaurant().restaurantId(), "no-such-dish"});
        });
        pairs.add(new String[] {"no-such-restaurant", "margherita"});
        return pairs;
    }

    /** One order to place: its scenario, who places it, its key and bodies. */
    record Script(int index, Scenario scenario, ApiCaller owner, ApiCaller other, String key, String body,
                  String replacement, boolean replaceAtOnce, int copies) {
    }

    List<Script> scripts(int orders) {
        Random random = new Random(seed);
        List<Script> scripts = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            Scenario scenario = draw(random);
            boolean aliceOwns = random.nextBoolean();
            String body = scenario == Scenario.CATALOG_REJECT ? rejectedBody(random) : validBody(random);
            String replacement = random.nextInt(3) == 0 ? rejectedBody(random) : validBody(random);
            scripts.add(new Script(i, scenario, aliceOwns ? alice : bob, aliceOwns ? bob : alice,
                    "chaos-" + seed + "-" + i, body, replacement, random.nextBoolean(), 2 + random.nextInt(2)));
        }
        return scripts;
    }

    private static Scenario draw(Random random) {
        int pick = random.nextInt(Scenario.totalWeight());
        for (Scenario scenario : Scenario.values()) {
            pick -= scenario.weight();
            if (pick < 0) {
                return scenario;
            }
        }
        throw new IllegalStateException("weights");
    }

    private String validBody(Random random) {
        MenuItem first = orderable.get(random.nextInt(orderable.size()));
        List<MenuItem> sameRestaurant = orderable.stream()
                .filter(item -> item.restaurantId().equals(first.restaurantId())).toList();
        ObjectNode order = Json.MAPPER.createObjectNode();
        order.put("restaurantId", first.restaurantId());
        ArrayNode items = order.putArray("items");
        int lines = 1 + random.nextInt(3);
        for (int i = 0; i < lines; i++) {
            MenuItem item = i == 0 ? first : sameRestaurant.get(random.nextInt(sameRestaurant.size()));
            items.addObject().put("menuItemId", item.menuItemId()).put("quantity", 1 + random.nextInt(4));
        }
        return order.toString();
    }

    private String rejectedBody(Random random) {
        String[] pair = rejectable.get(random.nextInt(rejectable.size()));
        ObjectNode order = Json.MAPPER.createObjectNode();
        order.put("restaurantId", pair[0]);
        order.putArray("items").addObject().put("menuItemId", pair[1]).put("quantity", 1);
        return order.toString();
    }

    /** Requests the request validator must refuse (400): none of them is an order. */
    static List<String> schemaInvalidBodies() {
        return List.of(
                "{\"restaurantId\": \"luigis-pizzeria\", \"items\": [{\"menuItemId\": \"margherita\", \"quantity\": 0}]}",
                "{\"items\": [{\"menuItemId\": \"margherita\", \"quantity\": 1}]}",
                "{\"restaurantId\": \"luigis-pizzeria\", \"items\": [], \"extra\": true}",
                "{\"restaurantId\": \"luigis-pizzeria\", \"items\": [",
                "{\"restaurantId\": \"luigis-pizzeria\", \"items\": [{\"menuItemId\": \"margherita\", \"quantity\": 21}]}");
    }

    /** Places every order at the steady pace, then the schema-invalid requests; returns when all have answered. */
    void run(List<Script> scripts, int schemaInvalid) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        Instant start = Instant.now();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (Script script : scripts) {
                LockSupport.parkUntil(start.toEpochMilli() + script.index() * 1000L / ORDERS_PER_SECOND);
                inFlight.acquireUninterruptibly();
                running.add(clients.submit(() -> {
                    try {
                        play(script);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            List<String> invalid = schemaInvalidBodies();
            for (int i = 0; i < schemaInvalid; i++) {
                String body = invalid.get(i % invalid.size());
                ApiCaller caller = i % 2 == 0 ? alice : bob;
                running.add(clients.submit(() -> refused(caller, body)));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a chaos client failed", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    private void play(Script script) {
        ApiCaller owner = script.owner();
        switch (script.scenario()) {
            case VALID, CATALOG_REJECT -> post(owner, script.key(), script.body(), script.scenario());
            case NO_KEY -> post(owner, null, script.body(), script.scenario());
            case REPEATED_KEY -> {
                try (ExecutorService together = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int copy = 0; copy < script.copies(); copy++) {
                        together.submit(() -> post(owner, script.key(), script.body(), script.scenario()));
                    }
                }
                post(owner, script.key(), script.body(), script.scenario()); // and once more, later
            }
            case SHARED_KEY -> {
                post(owner, script.key(), script.body(), script.scenario());
                post(script.other(), script.key(), script.replacement(), script.scenario());
            }
            case DELETE_IN_FLIGHT -> post(owner, script.key(), script.body(), script.scenario())
                    .ifPresent(orderId -> deleteUntilGone(owner, orderId));
            case REPLACE -> post(owner, script.key(), script.body(), script.scenario()).ifPresent(orderId -> {
                if (!script.replaceAtOnce()) {
                    awaitVisible(owner, orderId);
                }
                replace(owner, orderId, script.replacement(), false);
            });
            case FOREIGN_PROBES -> post(owner, script.key(), script.body(), script.scenario()).ifPresent(orderId -> {
                awaitVisible(owner, orderId);
                probe(script.other(), owner, orderId, script.replacement());
            });
        }
    }

    /** POSTs until answered (retrying only 5xx and no answer); answers the order id of a 202. */
    private Optional<String> post(ApiCaller caller, String key, String body, Scenario scenario) {
        ApiCaller.Answer answer = withRetries("POST", () -> caller.post(body, key));
        if (answer.status() != 202) {
            return Optional.empty();
        }
        String orderId = answer.json().path("orderId").asText();
        if (key != null && !key.equals(orderId)) {
            ledger.idempotencyBroken(caller.userId() + " posted key " + key + " and was answered order " + orderId);
        }
        ledger.accepted(new Ledger.OrderKey(caller.userId(), orderId), scenario);
        return Optional.of(orderId);
    }

    private void replace(ApiCaller caller, String orderId, String body, boolean foreign) {
        ApiCaller.Answer answer = withRetries("PUT", () -> caller.put(orderId, body));
        if (answer.status() == 202) {
            ledger.replaceAccepted(new Ledger.OrderKey(caller.userId(), orderId),
                    answer.requestId().orElse("unknown-" + orderId), foreign);
        }
    }

    /** DELETE until 204, for as long as a patient client would: before its order is recorded, the answer is 404. */
    private void deleteUntilGone(ApiCaller owner, String orderId) {
        if (untilAnswered(() -> owner.delete(orderId), "DELETE", 204)) {
            ledger.deleted(new Ledger.OrderKey(owner.userId(), orderId));
        }
    }

    private void awaitVisible(ApiCaller owner, String orderId) {
        untilAnswered(() -> owner.get(orderId), "GET", 200);
    }

    /** Calls until the answer has {@code status}, with growing pauses, for {@link #CLIENT_PATIENCE} at most. */
    private boolean untilAnswered(Supplier<ApiCaller.Answer> call, String method, int status) {
        Instant giveUp = Instant.now().plus(CLIENT_PATIENCE);
        Duration pause = RETRY_PAUSE;
        while (true) {
            ApiCaller.Answer answer = call.get();
            ledger.answered(method, answer.status());
            if (answer.status() == status) {
                return true;
            }
            if (Instant.now().isAfter(giveUp)) {
                return false;
            }
            LockSupport.parkNanos(pause.toNanos());
            pause = pause.multipliedBy(3).dividedBy(2);
            pause = pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
        }
    }

    /** The other caller reaches for the order: GET and DELETE must be 404 as for a missing one; a PUT must change nothing. */
    private void probe(ApiCaller intruder, ApiCaller owner, String orderId, String body) {
        ApiCaller.Answer read = withRetries("GET", () -> intruder.get(orderId));
        ledger.probed();
        if (read.status() != 404) {
            ledger.breach(intruder.userId() + " GET " + owner.userId() + "'s order " + orderId + ": " + read.status());
        }
        ApiCaller.Answer delete = withRetries("DELETE", () -> intruder.delete(orderId));
        ledger.probed();
        if (delete.status() != 404) {
            ledger.breach(intruder.userId() + " DELETE " + owner.userId() + "'s order " + orderId + ": "
                    + delete.status());
        }
        replace(intruder, orderId, body, true);
        ledger.probed();
    }

    private void refused(ApiCaller caller, String body) {
        ApiCaller.Answer answer = withRetries("POST", () -> caller.post(body, null));
        if (answer.status() == 202) {
            ledger.schemaInvalidAccepted(body);
            ledger.accepted(new Ledger.OrderKey(caller.userId(), answer.json().path("orderId").asText()),
                    Scenario.VALID);
        }
    }

    private ApiCaller.Answer withRetries(String method, Supplier<ApiCaller.Answer> call) {
        ApiCaller.Answer answer = call.get();
        ledger.answered(method, answer.status());
        for (int attempt = 1; attempt < ATTEMPTS && answer.isServerError(); attempt++) {
            LockSupport.parkNanos(RETRY_PAUSE.toNanos() * attempt);
            answer = call.get();
            ledger.answered(method, answer.status());
        }
        return answer;
    }
}
