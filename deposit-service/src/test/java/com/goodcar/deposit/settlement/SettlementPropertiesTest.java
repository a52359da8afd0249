package com.goodcar.deposit.settlement;

import static com.goodcar.deposit.Buyers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.IntegrationEvent;
import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.contracts.auction.AuctionScheduled;
import com.goodcar.contracts.order.OrderCancelled;
import com.goodcar.contracts.order.OrderPaid;
import com.goodcar.contracts.order.OrderPaymentExpired;
import com.goodcar.deposit.Buyers;
import com.goodcar.deposit.deposit.DepositState;
import com.goodcar.deposit.deposit.Lifecycle;
import com.goodcar.deposit.ledger.Account;
import com.goodcar.deposit.ledger.Movement;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import com.goodcar.kit.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The settlement that actually runs — Kafka consumers, inbox, set-based SQL, captures through the
 * PSP sandbox, refunds — driven by generated sequences of facts, one lot each: buyers open deposits
 * and pay (or not, or only after the close), the lot closes sold, unsold or cancelled, the order is
 * paid, lapses or is cancelled (for the winner or someone else, before or after the close), and
 * events arrive twice with the same id. Every deposit must end where {@link Lifecycle} says, with
 * its money exactly in the account its state names, per deposit and per buyer, and the books as a
 * whole must balance.
 *
 * <p>The facts of a lot are applied in their generated order: each waits until the previous one
 * took effect (its event id in the inbox, its payment marked paid), since the two topics are read
 * independently. Lots run side by side, so the waits overlap. {@code -Dsettlement.seed=N} replays
 * a run; {@code -Dsettlement.lots=N} sets how many sequences.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "deposit"))
@WithTestResource(PspSandbox.class)
class SettlementPropertiesTest {

    private static final String[] BUYERS = {"alice", "bob", "carol"};
    private static final EventPublisher ORDERS = EventPublisher.as("/order-service");
    private static final Duration EFFECT = Duration.ofSeconds(60);

    sealed interface Fact {
    }

    record Pay(String buyer) implements Fact {
    }

    record Close(String result, String winner) implements Fact {
    }

    /** kind: PAID, EXPIRED, CANCELLED_BEFORE, CANCELLED_AFTER */
    record Order(String kind, String buyer) implements Fact {
    }

    /** One of the events published for this lot so far (pick modulo their number), published again with its id. */
    record Again(int pick) implements Fact {
    }

    /** One lot's generated life. */
    static final class Sequence {
        final String lot = "lot-prop-" + UUID.randomUUID();
        final String orderId = "ord-" + lot;
        final long depositFen;
        final List<String> buyers;
        final List<Fact> facts;
        final Map<String, String> depositOf = new HashMap<>();
        final Map<String, String> paymentOf = new HashMap<>();
        final Map<String, String> payUrlOf = new HashMap<>();
        final List<Runnable> published = new ArrayList<>();
        /** the model: each deposit's state by buyer, and the duplicate payments owed back */
        final Map<String, DepositState> expected = new HashMap<>();
        final Map<String, Integer> duplicates = new HashMap<>();
        boolean closed;
        int next;

        Sequence(Random random) {
            depositFen = 100L * (50 + random.nextInt(450));
            var chosen = new ArrayList<String>();
            for (String buyer : BUYERS) {
                if (random.nextInt(3) > 0) {
                    chosen.add(buyer);
                }
            }
            if (chosen.isEmpty()) {
                chosen.add(BUYERS[random.nextInt(BUYERS.length)]);
            }
            buyers = List.copyOf(chosen);
            // payments in any order; the close mostly after them (sometimes before: a late payment owed back);
            // orders mostly after the close (sometimes before it: the two topics are read independently)
            var list = new ArrayList<Fact>();
            for (String buyer : buyers) {
                if (random.nextInt(5) > 0) {
                    list.add(new Pay(buyer));
                }
            }
            java.util.Collections.shuffle(list, random);
            int r = random.nextInt(10);
            String winner = buyers.get(random.nextInt(buyers.size()));
            Fact close = r < 7 ? new Close("SOLD", winner) : r < 9 ? new Close("UNSOLD", null) : new Close("CANCELLED", null);
            list.add(random.nextInt(4) > 0 ? list.size() : random.nextInt(list.size() + 1), close);
            String[] kinds = {"PAID", "EXPIRED", "CANCELLED_BEFORE", "CANCELLED_AFTER"};
            for (int i = random.nextInt(4); i > 0; i--) {
                // mostly the winner's order; sometimes one for a buyer who did not win, or holds nothing here
                String buyer = random.nextInt(4) > 0 ? winner : BUYERS[random.nextInt(BUYERS.length)];
                int closeAt = list.indexOf(close);
                int at = random.nextInt(5) > 0 ? closeAt + 1 + random.nextInt(list.size() - closeAt)
                        : random.nextInt(list.size() + 1);
                list.add(at, new Order(kinds[random.nextInt(kinds.length)], buyer));
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                int at = 1 + random.nextInt(list.size());
                list.add(at, new Again(random.nextInt(1_000)));
            }
            facts = List.copyOf(list);
            buyers.forEach(b -> expected.put(b, DepositState.AWAITING_PAYMENT));
        }

        @Override
        public String toString() {
            return lot + " (deposit " + depositFen + " fen, buyers " + buyers + "): " + facts;
        }
    }

    /** What one applied fact waits for before the lot's next fact. */
    record Pending(String eventId, Runnable republish, String paymentId) {
    }

    @Test
    void realSettlementAgreesWithTheLifecycle() {
        long seed = Long.getLong("settlement.seed", System.nanoTime());
        int lots = Integer.getInteger("settlement.lots", 40);
        var random = new Random(seed);
        var sequences = new ArrayList<Sequence>();
        for (int i = 0; i < lots; i++) {
            sequences.add(new Sequence(random));
        }
        String context = "seed " + seed + " (-Dsettlement.seed=" + seed + ")";
        Buyers.awaitConsumers();

        // the lots exist for deposit-service, then every chosen buyer opens a deposit
        var scheduling = new ArrayList<Pending>();
        for (Sequence s : sequences) {
            var scheduled = new AuctionScheduled(s.lot, "AION-UT-SUPER-NGC001", "Property lot", 100, s.depositFen,
                    Instant.now(), Instant.now().plus(Duration.ofHours(4)));
            scheduling.add(record(s, publish(Buyers.AUCTION, scheduled, null)));
        }
        awaitEffects(scheduling, context);
        for (Sequence s : sequences) {
            for (String buyer : s.buyers) {
                JsonPath opened = as(buyer).header("Idempotency-Key", "prop-" + UUID.randomUUID())
                        .body(Map.of("lotId", s.lot)).post("/deposits").then().statusCode(201).extract().jsonPath();
                String deposit = opened.getString("deposit.id");
                s.depositOf.put(buyer, deposit);
                s.payUrlOf.put(buyer, opened.getString("payment.payUrl"));
                s.paymentOf.put(buyer, opened.getString("payment.id"));
                assertEquals(s.depositFen, opened.getLong("deposit.amountFen"), "the lot's deposit");
            }
        }

        // the facts, round by round: fact n of every lot, then wait until all of them took effect
        boolean more = true;
        while (more) {
            more = false;
            var round = new ArrayList<Pending>();
            for (Sequence s : sequences) {
                if (s.next < s.facts.size()) {
                    round.add(apply(s, s.facts.get(s.next++)));
                    more = true;
                }
            }
            awaitEffects(round, context);
        }

        // whatever a duplicate did, it did before a later event of its topic and key: one last harmless
        // event on each (a lot already closed, an order without a lot) tells when all were consumed
        var last = new ArrayList<Pending>();
        for (Sequence s : sequences) {
            last.add(publish(Buyers.AUCTION, new AuctionScheduled(s.lot, "AION-UT-SUPER-NGC001", "Property lot", 100,
                    s.depositFen, Instant.now(), Instant.now().plus(Duration.ofHours(4))), null));
            last.add(publish(ORDERS, new OrderPaid(s.orderId, null, "nobody", 1, Instant.now()), null));
        }
        awaitEffects(last, context);

        // every fact consumed: each deposit is where the lifecycle says (a released one may be refunded already)
        for (Sequence s : sequences) {
            for (String buyer : s.buyers) {
                String state = TestDatabase.text("select state from deposit where id = ?", s.depositOf.get(buyer));
                DepositState expected = s.expected.get(buyer);
                assertTrue(state.equals(expected.name()) || expected == DepositState.RELEASED
                                && state.equals(DepositState.REFUNDED.name()),
                        buyer + "'s deposit is " + state + ", the lifecycle says " + expected + ", in " + s + "; " + context);
            }
        }

        // the refund provider confirms every refund owed: released holds, and payments that could not be holds
        String lotList = sequences.stream().map(s -> "'" + s.lot + "'").collect(Collectors.joining(","));
        long refundsOwed = 0;
        for (Sequence s : sequences) {
            for (String buyer : s.buyers) {
                if (s.expected.get(buyer) == DepositState.RELEASED) {
                    s.expected.put(buyer, Lifecycle.refunded(DepositState.RELEASED).orElseThrow().next());
                    refundsOwed++;
                }
                refundsOwed += s.duplicates.getOrDefault(buyer, 0);
            }
        }
        long owed = refundsOwed;
        Awaitility.await("every refund owed confirmed (" + context + ")").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() ->
                        TestDatabase.number("select count(*) from refund where lot_id in (" + lotList
                                + ") and state = 'SUCCEEDED'") >= owed
                                && TestDatabase.number("select count(*) from deposit where lot_id in (" + lotList
                                + ") and state = 'RELEASED'") == 0);
        assertEquals(owed, TestDatabase.number("select count(*) from refund where lot_id in (" + lotList + ")"),
                "one refund per released hold and per payment that could not be a hold; " + context);
        assertEquals(owed, PspSandbox.refundsReceived(TestDatabase.text(
                        "select payment_id from refund where lot_id in (" + lotList + ")").lines().toList()),
                "the provider was asked once per refund; " + context);

        // every deposit where the lifecycle says, its money where its state says
        Map<String, Map<Account, Long>> byDeposit = balances("e.deposit_id", lotList);
        Map<String, Map<Account, Long>> byBuyer = balances("e.user_id", lotList);
        Map<String, Map<Account, Long>> expectedByBuyer = new HashMap<>();
        for (Sequence s : sequences) {
            for (String buyer : s.buyers) {
                String deposit = s.depositOf.get(buyer);
                DepositState state = s.expected.get(buyer);
                String where = buyer + "'s deposit " + deposit + " of " + s + "; " + context;
                assertEquals(state.name(), TestDatabase.text("select state from deposit where id = ?", deposit),
                        "state of " + where);
                Map<Account, Long> money = moneyOf(state, s.depositFen);
                assertEquals(money, byDeposit.getOrDefault(deposit, Map.of()), "ledger of " + where);
                var perBuyer = expectedByBuyer.computeIfAbsent(Tokens.subject(buyer), b -> new EnumMap<>(Account.class));
                money.forEach((account, fen) -> perBuyer.merge(account, fen, Long::sum));
            }
        }
        for (var buyer : expectedByBuyer.entrySet()) {
            var expected = new EnumMap<Account, Long>(Account.class);
            buyer.getValue().forEach((account, fen) -> {
                if (fen != 0) {
                    expected.put(account, fen);
                }
            });
            assertEquals(expected, byBuyer.getOrDefault(buyer.getKey(), Map.of()),
                    "balances of buyer " + buyer.getKey() + " over these lots; " + context);
        }
        var states = new java.util.TreeMap<String, Integer>();
        sequences.forEach(s -> s.expected.values().forEach(state -> states.merge(state.name(), 1, Integer::sum)));
        System.out.printf("settlement properties, %s: %d lots, %d facts, %d refunds; deposits ended %s%n", context,
                sequences.size(), sequences.stream().mapToInt(s -> s.facts.size()).sum(), owed, states);
        var trial = as("olga").get("/ledger/trial-balance").then().statusCode(200).extract().jsonPath();
        assertTrue(trial.getBoolean("balanced"), "trial balance: " + trial.prettify());
        assertEquals(trial.getLong("totalDebitFen"), trial.getLong("totalCreditFen"), "trial balance totals");
        var check = Buyers.ledgerCheck();
        assertTrue(check.getBoolean("balanced") && check.getList("mismatches").isEmpty(), check.prettify());
    }

    /** Publishes (or pays) one fact, updates the model, and says what to wait for. */
    private static Pending apply(Sequence s, Fact fact) {
        switch (fact) {
            case Pay pay -> {
                String buyer = pay.buyer();
                Lifecycle.Step step = Lifecycle.paid(s.expected.get(buyer));
                if (step.movement().orElseThrow() == Movement.DUPLICATE_CAPTURE) {
                    s.duplicates.merge(buyer, 1, Integer::sum);
                }
                s.expected.put(buyer, step.next());
                // the buyer presses "Pay" on the provider's page; its signed callback reaches Captures
                given().post(s.payUrlOf.get(buyer)).then().statusCode(lessThan(300));
                return new Pending(null, null, s.paymentOf.get(buyer));
            }
            case Close close -> {
                boolean sold = "SOLD".equals(close.result());
                if (!s.closed) {
                    for (String buyer : s.buyers) {
                        Lifecycle.lotClosed(s.expected.get(buyer), sold, buyer.equals(close.winner()))
                                .ifPresent(step -> s.expected.put(buyer, step.next()));
                    }
                    s.closed = true;
                }
                return record(s, publish(Buyers.AUCTION, new AuctionClosed(s.lot, "AION-UT-SUPER-NGC001", close.result(),
                        sold ? Tokens.subject(close.winner()) : null, sold ? "WINNERCODE01" : null,
                        sold ? 7_819_339_900L : null, s.depositFen, 7, Instant.now()), null));
            }
            case Order order -> {
                String buyer = order.buyer();
                String user = Tokens.subject(buyer);
                Function<DepositState, Optional<Lifecycle.Step>> rule =
                        "PAID".equals(order.kind()) ? Lifecycle::orderPaid : Lifecycle::orderLapsed;
                if (s.expected.containsKey(buyer)) {
                    rule.apply(s.expected.get(buyer)).ifPresent(step -> s.expected.put(buyer, step.next()));
                }
                IntegrationEvent event = switch (order.kind()) {
                    case "PAID" -> new OrderPaid(s.orderId, s.lot, user, 7_819_339_900L, Instant.now());
                    case "EXPIRED" -> new OrderPaymentExpired(s.orderId, s.lot, user, Instant.now());
                    default -> new OrderCancelled(s.orderId, s.lot, user, order.kind().endsWith("AFTER"), Instant.now());
                };
                return record(s, publish(ORDERS, event, null));
            }
            case Again again -> {
                // the same event id once more: the inbox must make it a no-op (the model does not change)
                if (!s.published.isEmpty()) {
                    s.published.get(again.pick() % s.published.size()).run();
                }
                return new Pending(null, null, null);
            }
        }
    }

    private static Pending record(Sequence s, Pending pending) {
        s.published.add(pending.republish());
        return pending;
    }

    private static Pending publish(EventPublisher publisher, IntegrationEvent event, String id) {
        String eventId = id == null ? UUID.randomUUID().toString() : id;
        publisher.publish(event, eventId);
        return new Pending(eventId, () -> publisher.publish(event, eventId), null);
    }

    /**
     * Until every event is in the inbox and every payment marked paid. An event not consumed after a
     * while is published again with its id (as Kafka would redeliver it): a test group placed past it
     * after a rebalance must not stall the run, and the inbox ignores a second copy.
     */
    private static void awaitEffects(List<Pending> pending, String context) {
        Set<String> events = new HashSet<>();
        Set<String> payments = new HashSet<>();
        for (Pending p : pending) {
            if (p.eventId() != null) {
                events.add(p.eventId());
            }
            if (p.paymentId() != null) {
                payments.add(p.paymentId());
            }
        }
        if (events.isEmpty() && payments.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        long[] lastRepublish = {started};
        Awaitility.await("the effects of " + pending.size() + " facts (" + context + ")").atMost(EFFECT)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    Set<String> missing = new HashSet<>(events);
                    if (!events.isEmpty()) {
                        missing.removeAll(TestDatabase.text("select event_id::text from processed_event where event_id in ("
                                + events.stream().map(e -> "'" + e + "'").collect(Collectors.joining(",")) + ")")
                                .lines().toList());
                    }
                    long unpaid = payments.isEmpty() ? 0 : TestDatabase.number("select count(*) from payment where id in ("
                            + payments.stream().map(p -> "'" + p + "'").collect(Collectors.joining(","))
                            + ") and state <> 'PAID'");
                    if (!missing.isEmpty() && System.nanoTime() - lastRepublish[0] > Duration.ofSeconds(10).toNanos()) {
                        lastRepublish[0] = System.nanoTime();
                        pending.stream().filter(p -> missing.contains(p.eventId())).forEach(p -> p.republish().run());
                    }
                    return missing.isEmpty() && unpaid == 0;
                });
    }

    /** Each key's balance per account over these lots: credit balances for liabilities and income, debit for PSP clearing. */
    private static Map<String, Map<Account, Long>> balances(String key, String lotList) {
        var result = new LinkedHashMap<String, Map<Account, Long>>();
        TestDatabase.text("select " + key + " || '|' || l.account || '|' || sum(l.credit_fen - l.debit_fen) "
                + "from journal_line l join journal_entry e on e.id = l.entry_id where e.lot_id in (" + lotList + ") "
                + "group by " + key + ", l.account").lines().forEach(line -> {
                    String[] f = line.split("\\|");
                    Account account = Account.of(f[1]);
                    long balance = Long.parseLong(f[2]);
                    if (account == Account.PSP_CLEARING) {
                        balance = -balance;
                    }
                    if (balance != 0) {
                        result.computeIfAbsent(f[0], k -> new EnumMap<>(Account.class)).put(account, balance);
                    }
                });
        return result;
    }

    /** Where a deposit's money is once every refund owed is confirmed: nowhere, or its state's account (and at the PSP). */
    private static Map<Account, Long> moneyOf(DepositState state, long fen) {
        var money = new EnumMap<Account, Long>(Account.class);
        state.holdingAccount().ifPresent(account -> {
            money.put(account, fen);
            money.put(Account.PSP_CLEARING, fen);
        });
        return money;
    }
}
