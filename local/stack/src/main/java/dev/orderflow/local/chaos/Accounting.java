package dev.orderflow.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.aws.dynamodb.OrdersTable;
import dev.orderflow.local.chaos.Ledger.OrderKey;
import dev.orderflow.local.stack.LocalStack;
import dev.orderflow.local.states.execution.Execution;
import dev.orderflow.local.states.execution.ExecutionStatus;
import dev.orderflow.workflow.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Accounts for every 202 of a chaos run from the stack's own records, read directly (never through the fault
 * proxies): the orders table in DynamoDB Local, the runner's executions, and the dead-letter queue's messages.
 * <ul>
 *   <li>each accepted order is exactly one of CONFIRMED, REJECTED, FAILED or deleted (a tombstone) in the table,
 *       or not final there but with a message in the DLQ; anything else (absent, or still PENDING) is lost;</li>
 *   <li>each accepted replace (PUT 202) has a closed REPLACE execution for its request id, or its message is in
 *       the DLQ; anything else is lost too;</li>
 *   <li>a duplicate is a second CREATE execution for one order, an order back after its DELETE answered 204, an
 *       item no 202 accounts for, or a repeated Idempotency-Key answered with another order id.</li>
 * </ul>
 */
final class Accounting {

    /** What the runner and the queue hold for one message or execution input. */
    record Change(OrderKey order, String kind, String requestId) {

        static Optional<Change> of(JsonNode input) {
            String userId = input.path("userId").asText("");
            String orderId = input.path("orderId").asText("");
            if (userId.isEmpty() || orderId.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Change(new OrderKey(userId, orderId), input.path("kind").asText(""),
                    input.path("requestId").asText("")));
        }

        static Optional<Change> of(String text) {
            try {
                return of(Json.MAPPER.readTree(text));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    /** An item of the orders table, as far as the accounting cares. */
    record Item(String status, boolean deleted, long version) {
    }

    private final LocalStack stack;

    Accounting(LocalStack stack) {
        this.stack = stack;
    }

    Map<OrderKey, Item> items() {
        Map<OrderKey, Item> items = new HashMap<>();
        stack.dynamoDb().client().scanPaginator(r -> r.tableName(LocalStack.ORDERS_TABLE).consistentRead(true))
                .items().forEach(item -> items.put(
                        new OrderKey(text(item, OrdersTable.USER_ID), text(item, OrdersTable.ORDER_ID)),
                        new Item(text(item, OrdersTable.STATUS), item.containsKey(OrdersTable.DELETED_AT),
                                item.containsKey(OrdersTable.VERSION) ? Long.parseLong(item.get(OrdersTable.VERSION).n())
                                        : 0)));
        return items;
    }

    List<Execution> executions() {
        return stack.stepFunctions().service().listExecutions(stack.endpoints().stateMachineArn(), Optional.empty());
    }

    /**
     * Every message in the dead-letter queue. Received with a long visibility timeout so that each is seen once;
     * none is deleted: they stay for whoever looks next.
     */
    List<Message> deadLetters() {
        List<Message> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int emptyReceives = 0;
        while (emptyReceives < 2) {
            List<Message> batch = stack.sqs().client().receiveMessage(r -> r.queueUrl(stack.endpoints().dlqUrl())
                    .maxNumberOfMessages(10).visibilityTimeout(600).waitTimeSeconds(0)).messages();
            emptyReceives = batch.isEmpty() ? emptyReceives + 1 : 0;
            batch.stream().filter(m -> seen.add(m.messageId())).forEach(all::add);
        }
        return all;
    }

    ChaosReport.Accounts account(Ledger ledger) {
        Map<OrderKey, Item> items = items();
        List<Execution> executions = executions();
        List<Message> deadLetters = deadLetters();

        Map<OrderKey, Integer> createExecutions = new HashMap<>();
        Map<String, Execution> replaceExecutions = new HashMap<>();
        Map<ExecutionStatus, Integer> byStatus = new EnumMap<>(ExecutionStatus.class);
        for (Execution execution : executions) {
            byStatus.merge(execution.status(), 1, Integer::sum);
            Optional<Change> change = Change.of(execution.input());
            change.filter(c -> c.kind().equals("CREATE")).ifPresent(c -> createExecutions.merge(c.order(), 1, Integer::sum));
            change.filter(c -> c.kind().equals("REPLACE")).ifPresent(c -> replaceExecutions.put(c.requestId(), execution));
        }
        Set<OrderKey> deadLetteredOrders = new HashSet<>();
        Set<String> deadLetteredRequests = new HashSet<>();
        for (Message message : deadLetters) {
            Change.of(message.body()).ifPresent(change -> {
                deadLetteredOrders.add(change.order());
                deadLetteredRequests.add(change.requestId());
            });
        }

        Map<OrderKey, Scenario> accepted = ledger.accepted();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, 0);
        }
        Map<Scenario, Map<Outcome, Integer>> byScenario = new EnumMap<>(Scenario.class);
        List<String> lost = new ArrayList<>();
        int finalButDeadLettered = 0;
        for (Map.Entry<OrderKey, Scenario> order : accepted.entrySet()) {
            Item item = items.get(order.getKey());
            Outcome outcome = outcome(item, deadLetteredOrders.contains(order.getKey()));
            outcomes.merge(outcome, 1, Integer::sum);
            byScenario.computeIfAbsent(order.getValue(), s -> new EnumMap<>(Outcome.class)).merge(outcome, 1, Integer::sum);
            if (outcome == Outcome.LOST) {
                lost.add(order.getKey() + " (" + order.getValue().name().toLowerCase() + "): "
                        + (item == null ? "not in the table" : item.status()) + ", executions "
                        + describe(executions, order.getKey()));
            } else if (outcome != Outcome.DLQ && deadLetteredOrders.contains(order.getKey())) {
                finalButDeadLettered++;
            }
        }

        int replacesExecuted = 0;
        int replacesDeadLettered = 0;
        for (Ledger.Replace replace : ledger.replaces()) {
            Execution execution = replaceExecutions.get(replace.requestId());
            if (execution != null && !execution.isRunning()) {
                replacesExecuted++;
            } else if (deadLetteredRequests.contains(replace.requestId())) {
                replacesDeadLettered++;
            } else {
                lost.add("replace " + replace.requestId() + " of " + replace.order() + ": "
                        + (execution == null ? "no execution" : "execution still running") + ", not in the DLQ");
            }
        }

        Map<String, List<String>> duplicates = new TreeMap<>();
        createExecutions.forEach((order, count) -> {
            if (count > 1) {
                duplicates.computeIfAbsent("more than one CREATE execution", k -> new ArrayList<>())
                        .add(order + " x" + count);
            }
        });
        for (OrderKey order : ledger.deleted()) {
            Item item = items.get(order);
            if (item == null || !item.deleted()) {
                duplicates.computeIfAbsent("back after its DELETE answered 204", k -> new ArrayList<>())
                        .add(order + ": " + (item == null ? "no tombstone" : item.status()));
            }
        }
        items.keySet().stream().filter(order -> !accepted.containsKey(order)).sorted().forEach(order ->
                duplicates.computeIfAbsent("item no 202 accounts for", k -> new ArrayList<>()).add(order.toString()));
        ledger.idempotencyBreaks().forEach(what ->
                duplicates.computeIfAbsent("repeated Idempotency-Key answered another order id", k -> new ArrayList<>())
                        .add(what));

        List<String> breaches = new ArrayList<>(ledger.isolationBreaches());
        accepted.forEach((order, scenario) -> {
            Item item = items.get(order);
            if (scenario == Scenario.FOREIGN_PROBES && item != null && item.version() > 1) {
                breaches.add(order + " was changed (version " + item.version() + ") though only its owner's POST and "
                        + "another caller's PUT reached it");
            }
        });

        return new ChaosReport.Accounts(accepted.size(), outcomes, byScenario, lost, duplicates,
                ledger.replaces().size(), replacesExecuted, replacesDeadLettered, byStatus, deadLetters.size(),
                finalButDeadLettered, stack.unrecordedExecutions(), ledger.probes(), breaches);
    }

    private static Outcome outcome(Item item, boolean inDeadLetterQueue) {
        if (item != null && item.deleted()) {
            return Outcome.DELETED;
        }
        if (item != null) {
            switch (item.status()) {
                case "CONFIRMED" -> {
                    return Outcome.CONFIRMED;
                }
                case "REJECTED" -> {
                    return Outcome.REJECTED;
                }
                case "FAILED" -> {
                    return Outcome.FAILED;
                }
                default -> {
                    // PENDING (or anything unexpected): not final
                }
            }
        }
        return inDeadLetterQueue ? Outcome.DLQ : Outcome.LOST;
    }

    private static String describe(List<Execution> executions, OrderKey order) {
        List<String> found = new ArrayList<>();
        for (Execution execution : executions) {
            Change.of(execution.input()).filter(c -> c.order().equals(order)).ifPresent(c -> found.add(
                    c.kind() + " " + execution.status() + execution.error().map(e -> " " + e).orElse("")));
        }
        return found.isEmpty() ? "none" : String.join(", ", found);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }
}
