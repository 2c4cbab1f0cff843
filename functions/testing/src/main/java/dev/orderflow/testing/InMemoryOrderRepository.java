package dev.orderflow.testing;

import dev.orderflow.domain.ChangeKind;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderChange;
import dev.orderflow.domain.OrderLine;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.domain.Pricing;
import dev.orderflow.domain.RejectionReason;
import dev.orderflow.ports.OrderPage;
import dev.orderflow.ports.OrderQuery;
import dev.orderflow.ports.OrderRepository;
import dev.orderflow.ports.Outcome;
import dev.orderflow.ports.PageCursor;
import dev.orderflow.ports.WriteResult;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link OrderRepository} in memory with the same conditional rules as the DynamoDB one; both pass
 * {@link OrderRepositoryContract}. Synchronized: each method is one atomic "conditional write".
 */
public final class InMemoryOrderRepository implements OrderRepository {

    private record Stored(Order order, long changeReceivedAt, String changeRequestId, boolean deleted) {
        Stored with(Order next) {
            return new Stored(next, changeReceivedAt, changeRequestId, deleted);
        }
    }

    private record Key(String userId, String orderId) {
    }

    private final Map<Key, Stored> items = new HashMap<>();

    @Override
    public synchronized WriteResult record(OrderChange change, Instant now) {
        Key key = new Key(change.userId(), change.orderId());
        Stored old = items.get(key);
        if (change.kind() == ChangeKind.CREATE) {
            return create(change, now, OrderStatus.PENDING, key, old);
        }
        if (old == null || old.deleted()) {
            return WriteResult.declined(Outcome.NOT_FOUND);
        }
        if (!change.isNewerThan(old.changeReceivedAt(), old.changeRequestId())) {
            return sameChange(old, change) ? WriteResult.of(Outcome.RECORDED, old.order().version())
                    : WriteResult.declined(Outcome.STALE);
        }
        Order o = old.order();
        Order replaced = new Order(o.orderId(), o.userId(), OrderStatus.PENDING, change.order().restaurantId(),
                change.order().items().stream().map(OrderLine::requested).toList(), change.order().notes(), null,
                List.of(), o.createdAt(), now, o.version() + 1);
        items.put(key, new Stored(replaced, change.receivedAt(), change.requestId(), false));
        return WriteResult.of(Outcome.RECORDED, replaced.version());
    }

    private WriteResult create(OrderChange change, Instant now, OrderStatus status, Key key, Stored old) {
        if (old != null) {
            if (old.deleted()) {
                return WriteResult.declined(Outcome.DELETED);
            }
            return sameChange(old, change) ? WriteResult.of(Outcome.RECORDED, old.order().version())
                    : WriteResult.declined(Outcome.STALE);
        }
        Order created = new Order(change.orderId(), change.userId(), status, change.order().restaurantId(),
                change.order().items().stream().map(OrderLine::requested).toList(), change.order().notes(), null,
                List.of(), Instant.ofEpochMilli(change.receivedAt()), now, 1);
        items.put(key, new Stored(created, change.receivedAt(), change.requestId(), false));
        return WriteResult.of(status == OrderStatus.PENDING ? Outcome.RECORDED : Outcome.FAILED, 1);
    }

    private static boolean sameChange(Stored stored, OrderChange change) {
        return stored.changeRequestId().equals(change.requestId());
    }

    @Override
    public synchronized WriteResult confirm(String userId, String orderId, long version, Pricing pricing, Instant now) {
        return outcome(new Key(userId, orderId), version, OrderStatus.CONFIRMED, o -> new Order(o.orderId(),
                o.userId(), OrderStatus.CONFIRMED, o.restaurantId(),
                pricing.lines().stream().map(OrderLine::priced).toList(), o.notes(), pricing.total(), List.of(),
                o.createdAt(), now, o.version()));
    }

    @Override
    public synchronized WriteResult reject(String userId, String orderId, long version, List<RejectionReason> reasons,
                                           Instant now) {
        return outcome(new Key(userId, orderId), version, OrderStatus.REJECTED, o -> new Order(o.orderId(),
                o.userId(), OrderStatus.REJECTED, o.restaurantId(), o.lines(), o.notes(), null, reasons,
                o.createdAt(), now, o.version()));
    }

    @Override
    public synchronized WriteResult fail(OrderChange change, Long version, Instant now) {
        Key key = new Key(change.userId(), change.orderId());
        Stored old = items.get(key);
        long failing;
        if (version != null) {
            failing = version;
        } else if (change.kind() == ChangeKind.CREATE && old == null) {
            return create(change, now, OrderStatus.FAILED, key, null);
        } else if (old == null || old.deleted()) {
            return WriteResult.declined(change.kind() == ChangeKind.CREATE ? Outcome.DELETED : Outcome.NOT_FOUND);
        } else if (!sameChange(old, change)) {
            return WriteResult.declined(Outcome.STALE);
        } else {
            failing = old.order().version();
        }
        return outcome(key, failing, OrderStatus.FAILED, o -> new Order(o.orderId(), o.userId(), OrderStatus.FAILED,
                o.restaurantId(), o.lines(), o.notes(), o.total(), o.rejectionReasons(), o.createdAt(), now,
                o.version()));
    }

    private WriteResult outcome(Key key, long version, OrderStatus outcome,
                                java.util.function.UnaryOperator<Order> apply) {
        Stored old = items.get(key);
        if (old == null || old.deleted()) {
            return WriteResult.declined(Outcome.DELETED);
        }
        OrderStatus status = old.order().status();
        if (old.order().version() != version || (status != OrderStatus.PENDING && status != outcome)) {
            return WriteResult.declined(Outcome.STALE);
        }
        items.put(key, old.with(apply.apply(old.order())));
        return WriteResult.of(Outcome.valueOf(outcome.name()), version);
    }

    @Override
    public synchronized Optional<Order> find(String userId, String orderId) {
        Stored stored = items.get(new Key(userId, orderId));
        return stored == null || stored.deleted() ? Optional.empty() : Optional.of(stored.order());
    }

    @Override
    public synchronized boolean delete(String userId, String orderId, Instant now) {
        Key key = new Key(userId, orderId);
        Stored stored = items.get(key);
        if (stored == null || stored.deleted()) {
            return false;
        }
        items.put(key, new Stored(stored.order(), stored.changeReceivedAt(), stored.changeRequestId(), true));
        return true;
    }

    @Override
    public synchronized OrderPage list(String userId, OrderQuery query) {
        Comparator<Order> newestFirst = Comparator.comparing(Order::createdAt).thenComparing(Order::orderId).reversed();
        List<Order> all = items.values().stream()
                .filter(s -> !s.deleted() && s.order().userId().equals(userId))
                .map(Stored::order)
                .sorted(newestFirst)
                .filter(o -> query.after().map(c -> isAfter(o, c)).orElse(true))
                .filter(o -> query.status().map(s -> o.status() == s).orElse(true))
                .toList();
        List<Order> page = all.stream().limit(query.limit()).toList();
        Optional<PageCursor> next = all.size() > page.size()
                ? Optional.of(new PageCursor(page.getLast().createdAt(), page.getLast().orderId()))
                : Optional.empty();
        return new OrderPage(page, next);
    }

    private static boolean isAfter(Order order, PageCursor cursor) {
        int byTime = order.createdAt().compareTo(cursor.createdAt());
        return byTime < 0 || (byTime == 0 && order.orderId().compareTo(cursor.orderId()) < 0);
    }
}
