package dev.orderflow.testing;

import dev.orderflow.domain.Money;
import dev.orderflow.domain.Order;
import dev.orderflow.domain.OrderChange;
import dev.orderflow.domain.OrderStatus;
import dev.orderflow.domain.PricedLine;
import dev.orderflow.domain.Pricing;
import dev.orderflow.domain.ReasonCode;
import dev.orderflow.domain.RejectionReason;
import dev.orderflow.ports.OrderPage;
import dev.orderflow.ports.OrderQuery;
import dev.orderflow.ports.OrderRepository;
import dev.orderflow.ports.Outcome;
import dev.orderflow.ports.PageCursor;
import dev.orderflow.ports.WriteResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.orderflow.testing.Catalogs.DIAVOLA;
import static dev.orderflow.testing.Catalogs.MARGHERITA;
import static dev.orderflow.testing.Orders.aCreate;
import static dev.orderflow.testing.Orders.aReplace;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules every {@link OrderRepository} keeps, run against the in-memory fake and against DynamoDB Local, so
 * the fake used by fast tests cannot drift from the real conditional writes.
 */
public abstract class OrderRepositoryContract {

    protected static final Instant NOW = Instant.parse("2026-11-22T10:00:00.000Z");

    private OrderRepository repository;
    /** A fresh caller per test, so tests never see each other's orders even in a shared table. */
    protected String user;

    protected abstract OrderRepository createRepository();

    @BeforeEach
    void setUpRepository() {
        repository = createRepository();
        user = "user-" + UUID.randomUUID();
    }

    private static Pricing pricing(int quantity) {
        Money unit = Money.of(950, "EUR");
        return new Pricing("EUR", List.of(new PricedLine(MARGHERITA, "Margherita", quantity, unit, unit.times(quantity))),
                unit.times(quantity));
    }

    private OrderChange recorded(OrderChange change) {
        assertThat(repository.record(change, NOW).outcome()).isEqualTo(Outcome.RECORDED);
        return change;
    }

    @Test
    void record_create_storesPendingOrderAtVersion1() {
        OrderChange change = aCreate().by(user).withLine(MARGHERITA, 2).withNotes("extra basil").build();

        assertThat(repository.record(change, NOW)).isEqualTo(WriteResult.of(Outcome.RECORDED, 1));

        Order order = repository.find(user, change.orderId()).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.version()).isEqualTo(1);
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.menuItemId()).isEqualTo(MARGHERITA);
            assertThat(line.quantity()).isEqualTo(2);
            assertThat(line.unitPrice()).isNull();
        });
        assertThat(order.notes()).isEqualTo("extra basil");
        assertThat(order.createdAt()).isEqualTo(Instant.ofEpochMilli(change.receivedAt()));
        assertThat(order.total()).isNull();
    }

    @Test
    void record_sameCreateAgain_isRecordedWithTheSameVersion() {
        OrderChange change = recorded(aCreate().by(user).build());

        assertThat(repository.record(change, NOW.plusSeconds(1))).isEqualTo(WriteResult.of(Outcome.RECORDED, 1));
    }

    @Test
    void record_createOfAnExistingOrderFromAnotherRequest_isStaleAndChangesNothing() {
        OrderChange first = recorded(aCreate().by(user).withLine(MARGHERITA, 1).build());
        OrderChange again = aCreate().by(user).withOrderId(first.orderId()).withLine(DIAVOLA, 5).build();

        assertThat(repository.record(again, NOW).outcome()).isEqualTo(Outcome.STALE);

        assertThat(repository.find(user, first.orderId()).orElseThrow().lines())
                .extracting(l -> l.menuItemId()).containsExactly(MARGHERITA);
    }

    @Test
    void record_concurrentDuplicateCreates_storeExactlyOneOrder() throws Exception {
        String orderId = "dup-" + UUID.randomUUID();
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<WriteResult>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                OrderChange change = aCreate().by(user).withOrderId(orderId).withLine(MARGHERITA, i + 1).build();
                results.add(pool.submit(() -> {
                    start.await();
                    return repository.record(change, NOW);
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<WriteResult> result : results) {
                outcomes.add(result.get().outcome());
            }
            assertThat(outcomes).containsOnlyOnce(Outcome.RECORDED);
            assertThat(outcomes).filteredOn(o -> o == Outcome.STALE).hasSize(writers - 1);
        }
        assertThat(allOrders(new OrderQuery(100, Optional.empty(), Optional.empty())))
                .extracting(Order::orderId).containsExactly(orderId);
    }

    @Test
    void record_newerReplace_appliesItAsANewPendingVersion() {
        OrderChange created = recorded(aCreate().by(user).withLine(MARGHERITA, 1).build());
        repository.confirm(user, created.orderId(), 1, pricing(1), NOW);
        OrderChange replace = aReplace().by(user).withOrderId(created.orderId())
                .receivedAt(created.receivedAt() + 1000).withLine(DIAVOLA, 3).withNotes("no chili").build();

        assertThat(repository.record(replace, NOW.plusSeconds(5))).isEqualTo(WriteResult.of(Outcome.RECORDED, 2));

        Order order = repository.find(user, created.orderId()).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.version()).isEqualTo(2);
        assertThat(order.total()).isNull();
        assertThat(order.notes()).isEqualTo("no chili");
        assertThat(order.lines()).extracting(l -> l.menuItemId() + "x" + l.quantity()).containsExactly(DIAVOLA + "x3");
        assertThat(order.createdAt()).isEqualTo(Instant.ofEpochMilli(created.receivedAt()));
    }

    @Test
    void record_olderReplaceArrivingAfterANewerOne_changesNothing() {
        OrderChange created = recorded(aCreate().by(user).build());
        OrderChange newer = aReplace().by(user).withOrderId(created.orderId())
                .receivedAt(created.receivedAt() + 2000).withLine(DIAVOLA, 2).build();
        OrderChange older = aReplace().by(user).withOrderId(created.orderId())
                .receivedAt(created.receivedAt() + 1000).withLine(MARGHERITA, 9).build();
        recorded(newer);

        assertThat(repository.record(older, NOW).outcome()).isEqualTo(Outcome.STALE);

        Order order = repository.find(user, created.orderId()).orElseThrow();
        assertThat(order.version()).isEqualTo(2);
        assertThat(order.lines()).extracting(l -> l.menuItemId()).containsExactly(DIAVOLA);
    }

    @Test
    void record_replacesReceivedInTheSameMillisecond_areOrderedByRequestId() {
        OrderChange created = recorded(aCreate().by(user).build());
        long at = created.receivedAt() + 1000;
        OrderChange b = aReplace().by(user).withOrderId(created.orderId()).receivedAt(at).withRequestId("b-request")
                .withLine(DIAVOLA, 1).build();
        OrderChange a = aReplace().by(user).withOrderId(created.orderId()).receivedAt(at).withRequestId("a-request")
                .withLine(MARGHERITA, 1).build();
        recorded(b);

        assertThat(repository.record(a, NOW).outcome()).isEqualTo(Outcome.STALE);
    }

    @Test
    void record_replaceRetried_isRecordedWithItsVersion() {
        OrderChange created = recorded(aCreate().by(user).build());
        OrderChange replace = aReplace().by(user).withOrderId(created.orderId()).receivedAt(created.receivedAt() + 1)
                .build();
        recorded(replace);

        assertThat(repository.record(replace, NOW)).isEqualTo(WriteResult.of(Outcome.RECORDED, 2));
    }

    @Test
    void record_replaceOfAMissingOrAnotherCallersOrder_isNotFound() {
        OrderChange bobs = recorded(aCreate().by(user + "-bob").build());

        assertThat(repository.record(aReplace().by(user).build(), NOW).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(repository.record(aReplace().by(user).withOrderId(bobs.orderId())
                .receivedAt(bobs.receivedAt() + 1).build(), NOW).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(repository.find(user, bobs.orderId())).isEmpty();
        assertThat(repository.find(user + "-bob", bobs.orderId()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void record_replaceOfADeletedOrder_isNotFoundAndDoesNotRecreateIt() {
        OrderChange created = recorded(aCreate().by(user).build());
        repository.delete(user, created.orderId(), NOW);

        OrderChange replace = aReplace().by(user).withOrderId(created.orderId()).receivedAt(created.receivedAt() + 1)
                .build();
        assertThat(repository.record(replace, NOW).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(repository.find(user, created.orderId())).isEmpty();
    }

    @Test
    void record_createOfADeletedOrder_staysDeleted() {
        OrderChange created = recorded(aCreate().by(user).build());
        repository.delete(user, created.orderId(), NOW);

        assertThat(repository.record(created, NOW).outcome()).isEqualTo(Outcome.DELETED);
        assertThat(repository.find(user, created.orderId())).isEmpty();
    }

    @Test
    void confirm_recordsServerPricesAndTotal() {
        OrderChange created = recorded(aCreate().by(user).withLine(MARGHERITA, 2).build());

        assertThat(repository.confirm(user, created.orderId(), 1, pricing(2), NOW.plusSeconds(1)))
                .isEqualTo(WriteResult.of(Outcome.CONFIRMED, 1));

        Order order = repository.find(user, created.orderId()).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.total()).isEqualTo(Money.of(1900, "EUR"));
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.name()).isEqualTo("Margherita");
            assertThat(line.unitPrice()).isEqualTo(Money.of(950, "EUR"));
            assertThat(line.lineTotal()).isEqualTo(Money.of(1900, "EUR"));
        });
        assertThat(order.updatedAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void confirm_retried_isIdempotent() {
        OrderChange created = recorded(aCreate().by(user).build());
        repository.confirm(user, created.orderId(), 1, pricing(1), NOW);

        assertThat(repository.confirm(user, created.orderId(), 1, pricing(1), NOW).outcome())
                .isEqualTo(Outcome.CONFIRMED);
    }

    @Test
    void confirm_forAVersionNoLongerInFlight_changesNothing() {
        OrderChange created = recorded(aCreate().by(user).build());
        recorded(aReplace().by(user).withOrderId(created.orderId()).receivedAt(created.receivedAt() + 1).build());

        assertThat(repository.confirm(user, created.orderId(), 1, pricing(1), NOW).outcome()).isEqualTo(Outcome.STALE);
        assertThat(repository.find(user, created.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void confirm_afterDelete_leavesNoOrder() {
        OrderChange created = recorded(aCreate().by(user).build());
        assertThat(repository.delete(user, created.orderId(), NOW)).isTrue();

        assertThat(repository.confirm(user, created.orderId(), 1, pricing(1), NOW).outcome())
                .isEqualTo(Outcome.DELETED);

        assertThat(repository.find(user, created.orderId())).isEmpty();
        assertThat(allOrders(new OrderQuery(100, Optional.empty(), Optional.empty()))).isEmpty();
    }

    @Test
    void reject_recordsReasons() {
        OrderChange created = recorded(aCreate().by(user).build());
        List<RejectionReason> reasons = List.of(RejectionReason.forItem(ReasonCode.MENU_ITEM_UNAVAILABLE, "calzone",
                "Calzone is not available right now."));

        assertThat(repository.reject(user, created.orderId(), 1, reasons, NOW).outcome()).isEqualTo(Outcome.REJECTED);

        Order order = repository.find(user, created.orderId()).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.rejectionReasons()).isEqualTo(reasons);
    }

    @Test
    void fail_afterAFinalOutcomeForTheSameVersion_changesNothing() {
        OrderChange created = recorded(aCreate().by(user).build());
        repository.confirm(user, created.orderId(), 1, pricing(1), NOW);

        assertThat(repository.fail(created, 1L, NOW).outcome()).isEqualTo(Outcome.STALE);
        assertThat(repository.find(user, created.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void fail_ofACreateThatWasNeverRecorded_recordsAFailedOrder() {
        OrderChange change = aCreate().by(user).build();

        assertThat(repository.fail(change, null, NOW).outcome()).isEqualTo(Outcome.FAILED);

        assertThat(repository.find(user, change.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.FAILED);
    }

    @Test
    void fail_withoutVersion_ofACreateThatWasRecordedAfterAll_failsThatVersion() {
        OrderChange change = recorded(aCreate().by(user).build());

        assertThat(repository.fail(change, null, NOW)).isEqualTo(WriteResult.of(Outcome.FAILED, 1));
        assertThat(repository.find(user, change.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.FAILED);
    }

    @Test
    void fail_withoutVersion_ofAReplaceThatNeverApplied_leavesTheOrderAsItWas() {
        OrderChange created = recorded(aCreate().by(user).build());
        repository.confirm(user, created.orderId(), 1, pricing(1), NOW);
        OrderChange replace = aReplace().by(user).withOrderId(created.orderId()).receivedAt(created.receivedAt() + 1)
                .build();

        assertThat(repository.fail(replace, null, NOW).outcome()).isEqualTo(Outcome.STALE);
        assertThat(repository.find(user, created.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void delete_removesTheOrderOnceAndOnlyForItsOwner() {
        OrderChange created = recorded(aCreate().by(user).build());

        assertThat(repository.delete(user + "-mallory", created.orderId(), NOW)).isFalse();
        assertThat(repository.delete(user, created.orderId(), NOW)).isTrue();
        assertThat(repository.delete(user, created.orderId(), NOW)).isFalse();
        assertThat(repository.delete(user, "never-existed", NOW)).isFalse();
        assertThat(repository.find(user, created.orderId())).isEmpty();
    }

    @Test
    void list_returnsOnlyTheCallersOrders_newestFirst_acrossPages() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            OrderChange change = recorded(aCreate().by(user).receivedAt(Orders.RECEIVED_AT + i * 1000L).build());
            expected.addFirst(change.orderId());
        }
        recorded(aCreate().by(user + "-other").build());
        OrderChange deleted = recorded(aCreate().by(user).receivedAt(Orders.RECEIVED_AT + 99_000).build());
        repository.delete(user, deleted.orderId(), NOW);

        List<List<String>> pages = new ArrayList<>();
        Optional<PageCursor> cursor = Optional.empty();
        do {
            OrderPage page = repository.list(user, new OrderQuery(3, Optional.empty(), cursor));
            assertThat(page.orders()).hasSizeLessThanOrEqualTo(3);
            pages.add(page.orders().stream().map(Order::orderId).toList());
            cursor = page.next();
        } while (cursor.isPresent() && pages.size() < 10);

        assertThat(pages.getFirst()).hasSize(3);
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(expected);
    }

    @Test
    void list_withStatus_returnsOnlyThatStatus() {
        OrderChange confirmed = recorded(aCreate().by(user).receivedAt(Orders.RECEIVED_AT).build());
        repository.confirm(user, confirmed.orderId(), 1, pricing(1), NOW);
        for (int i = 1; i <= 4; i++) {
            recorded(aCreate().by(user).receivedAt(Orders.RECEIVED_AT + i).build());
        }

        assertThat(allOrders(new OrderQuery(2, Optional.of(OrderStatus.CONFIRMED), Optional.empty())))
                .extracting(Order::orderId).containsExactly(confirmed.orderId());
        assertThat(allOrders(new OrderQuery(2, Optional.of(OrderStatus.PENDING), Optional.empty()))).hasSize(4);
    }

    private List<Order> allOrders(OrderQuery first) {
        List<Order> orders = new ArrayList<>();
        OrderQuery query = first;
        for (int pages = 0; pages < 50; pages++) {
            OrderPage page = repository.list(user, query);
            orders.addAll(page.orders());
            if (page.next().isEmpty()) {
                break;
            }
            query = new OrderQuery(first.limit(), first.status(), page.next());
        }
        return orders;
    }
}
