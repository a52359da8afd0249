package com.goodcar.order.sale;

import com.goodcar.contracts.order.OrderCreated;
import com.goodcar.kit.idempotency.IdempotencyLock;
import com.goodcar.kit.outbox.Outbox;
import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import com.goodcar.order.order.Order;
import com.goodcar.order.order.OrderRows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Schedules sales and takes buyers' orders. A click first meets what this replica remembers (the
 * sale's terms, and whether it is known sold out): too early or sold out is answered without the
 * database. Otherwise one transaction takes the buyer's idempotency lock, finds the order of a
 * repeated key, takes one of the buyer's slots (the limit), claims a free unit row and writes the
 * order, its reservation and order.created.v1: all of it commits, or none.
 */
@ApplicationScoped
public class Sales {

    private static final Logger LOG = Logger.getLogger(Sales.class);
    /** How often a claim may find the last free units all being claimed by others before it says "try again" */
    private static final int CLAIM_ROUNDS = 3;

    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;
    private final SoldOutMarks marks;
    private final MeterRegistry meters;
    /** "path/answer" -> its counter: how each click was answered, and whether the database was asked */
    private final Map<String, Counter> answered = new ConcurrentHashMap<>();
    /** A sale's terms never change once scheduled: each replica reads them once */
    private final Map<String, Sale> known = new ConcurrentHashMap<>();
    /** One load of a sale's order keys at a time, however many clicks find it sold out together */
    private final Map<String, Uni<Void>> marking = new ConcurrentHashMap<>();

    Sales(Pool pool, Outbox outbox, Clock clock, SoldOutMarks marks, MeterRegistry meters) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
        this.marks = marks;
        this.meters = meters;
    }

    /** @param created false when the same Idempotency-Key had scheduled it already */
    public record Scheduled(Sale sale, boolean created) {
    }

    /** @param created false when the same Idempotency-Key had made it already */
    public record Ordered(Order order, boolean created) {
    }

    public Uni<Scheduled> schedule(NewSale draft, String operator, String key) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Sale sale = terms(draft, now);
        return pool.withTransaction(connection -> IdempotencyLock.take(connection, "sale", operator, key)
                .chain(() -> SaleRows.madeWith(connection, operator, key))
                .chain(earlier -> {
                    if (earlier.isPresent()) {
                        if (!earlier.get().sameTerms(sale)) {
                            throw new ProblemException(Problem.of(422, "key-reused", "Idempotency-Key reused",
                                    "This Idempotency-Key scheduled sale " + earlier.get().id() + " on other terms."));
                        }
                        return Uni.createFrom().item(new Scheduled(earlier.get(), false));
                    }
                    return SaleRows.editionKnown(connection, sale.editionCode()).chain(editionKnown -> {
                        if (!editionKnown) {
                            throw new ProblemException(Problem.of(422, "edition-unknown", "Edition unknown",
                                    "No edition '" + sale.editionCode() + "' has been listed by the catalog.")
                                    .with("editionCode", sale.editionCode()));
                        }
                        return SaleRows.insert(connection, sale, operator, key).replaceWith(new Scheduled(sale, true));
                    });
                }))
                .invoke(scheduled -> {
                    if (scheduled.created()) {
                        LOG.infof("sale %s: %d units of %s at %d fen from %s, %d per buyer, %s to pay",
                                sale.id(), sale.units(), sale.editionCode(), sale.priceFen(), sale.startsAt(),
                                sale.perBuyerLimit(), sale.payWithin());
                    }
                });
    }

    /** a sale may be scheduled as already on, not as long begun; nor for a year nobody plans */
    private static final Duration EARLIEST_START = Duration.ofDays(1);
    private static final Duration LATEST_START = Duration.ofDays(366);

    private static Sale terms(NewSale draft, Instant now) {
        Duration payWithin;
        try {
            payWithin = draft.payWithin() == null ? Sale.DEFAULT_PAY_WITHIN : Duration.parse(draft.payWithin());
        } catch (DateTimeParseException e) {
            throw invalid("payWithin", "must be an ISO-8601 duration such as PT15M");
        }
        if (draft.startsAt() != null && (draft.startsAt().isBefore(now.minus(EARLIEST_START))
                || draft.startsAt().isAfter(now.plus(LATEST_START)))) {
            throw invalid("startsAt", "a sale starts at most " + EARLIEST_START.toDays() + " day before it is "
                    + "scheduled and within " + LATEST_START.toDays() + " days of it");
        }
        try {
            return new Sale("sale-" + UUID.randomUUID(), draft.editionCode(), draft.priceFen(), draft.units(),
                    draft.startsAt().truncatedTo(ChronoUnit.MICROS),
                    draft.perBuyerLimit() == null ? 1 : draft.perBuyerLimit(), payWithin, now);
        } catch (Sale.Invalid invalid) {
            throw invalid(invalid.field, invalid.getMessage());
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(422, "invalid-sale", "Invalid sale", message)
                .with("field", field));
    }

    /** The sale's terms, from memory after the first read; 404 for none. */
    public Uni<Sale> sale(String id) {
        Sale sale = known.get(id);
        if (sale != null) {
            return Uni.createFrom().item(sale);
        }
        return SaleRows.find(pool, id).map(found -> {
            Sale read = found.orElseThrow(() -> ProblemException.notFound("Sale", id));
            known.putIfAbsent(id, read);
            return read;
        });
    }

    /** Sales that started in the last {@code recent} or are still to come, the latest start first. */
    public Uni<List<SaleView>> current(Duration recent, int limit) {
        return pool.preparedQuery("select id from sale where starts_at > $1 order by starts_at desc, id limit $2")
                .execute(Tuple.of(clock.instant().minus(recent).atOffset(ZoneOffset.UTC), limit))
                .chain(rows -> {
                    var views = new ArrayList<Uni<SaleView>>();
                    rows.forEach(row -> views.add(view(row.getString("id"))));
                    return views.isEmpty() ? Uni.createFrom().item(List.<SaleView>of())
                            : Uni.join().all(views).andFailFast();
                });
    }

    public Uni<SaleView> view(String id) {
        return sale(id).chain(sale -> {
            Instant now = clock.instant();
            return marks.soldOut(id) ? Uni.createFrom().item(SaleView.of(sale, 0, now))
                    : SaleRows.unitsLeft(pool, id).map(left -> SaleView.of(sale, left, now));
        });
    }

    /** A buyer's click: 201 a new order, 200 the order of a repeated key, or a problem. */
    public Uni<Ordered> order(String saleId, String buyerId, String key) {
        return sale(saleId).chain(sale -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            long generation = marks.generation(); // before the database is looked at
            return switch (sale.admit(now, marks.soldOut(saleId, buyerId, key))) {
                case Admission.NotStarted notStarted -> {
                    count("memory", "not-started");
                    yield Uni.createFrom().failure(notStarted(sale));
                }
                case Admission.SoldOut soldOut -> {
                    count("memory", "sold-out");
                    yield Uni.createFrom().failure(soldOut(sale));
                }
                case Admission.ToStock toStock -> reserve(sale, buyerId, key, now)
                        .onFailure(NoUnitLeft.class).recoverWithUni(none -> remember(sale, generation)
                                .chain(() -> Uni.createFrom().failure(soldOut(sale))))
                        .invoke(ordered -> count("database", ordered.created() ? "created" : "repeated"))
                        .onFailure().invoke(e -> count("database", e instanceof ProblemException problem
                                ? slug(problem) : "failed"));
            };
        });
    }

    private Uni<Ordered> reserve(Sale sale, String buyerId, String key, Instant now) {
        return pool.withTransaction(connection -> IdempotencyLock.take(connection, "sale-order " + sale.id(), buyerId, key)
                .chain(() -> SaleRows.orderOfKey(connection, sale.id(), buyerId, key))
                .chain(earlier -> earlier.isPresent() ? Uni.createFrom().item(new Ordered(earlier.get(), false))
                        : SaleRows.takeBuyerSlot(connection, sale, buyerId).chain(taken -> {
                            if (!taken) {
                                throw limitReached(sale);
                            }
                            String orderId = "ord-" + UUID.randomUUID();
                            return claim(connection, sale, orderId, 1).chain(unit -> {
                                Order order = Order.reserved(orderId, sale.id(), buyerId, sale.priceFen(), now,
                                        sale.payWithin());
                                return OrderRows.insertSale(connection, order)
                                        .chain(() -> SaleRows.insertReservation(connection, order, key, unit))
                                        .chain(() -> outbox.stage(connection, new OrderCreated(order.id(), null,
                                                buyerId, order.priceFen(), 0, order.amountDueFen(), null, now), now))
                                        .replaceWith(new Ordered(order, true));
                            });
                        })));
    }

    /**
     * A free unit for the order. When none is free to take at once, counts the free units as
     * committed: none means sold out (every claim has committed); some means other transactions are
     * claiming them and may yet roll back, so wait for one of them and look again.
     */
    private Uni<Integer> claim(SqlConnection connection, Sale sale, String orderId, int round) {
        return SaleRows.claim(connection, sale.id(), orderId, true).chain(unit -> unit.isPresent()
                ? Uni.createFrom().item(unit.get())
                : SaleRows.unitsLeft(connection, sale.id()).chain(left -> {
                    if (left == 0) {
                        return Uni.createFrom().failure(new NoUnitLeft());
                    }
                    return SaleRows.claim(connection, sale.id(), orderId, false).chain(waited -> {
                        if (waited.isPresent()) {
                            return Uni.createFrom().item(waited.get());
                        }
                        if (round < CLAIM_ROUNDS) {
                            return claim(connection, sale, orderId, round + 1);
                        }
                        return Uni.createFrom().failure(new ProblemException(Problem.of(503, "try-again", "Try again",
                                "The last units of sale " + sale.id() + " are being claimed; one may come free.")
                                .with("retryAfterSeconds", 1)));
                    });
                }));
    }

    /** Sold out as the database says: this replica answers the next clicks from memory. */
    private Uni<Void> remember(Sale sale, long generation) {
        if (!marks.isListening()) {
            return Uni.createFrom().voidItem();
        }
        return marking.computeIfAbsent(sale.id(), id -> SaleRows.orderKeys(pool, id)
                .invoke(keys -> {
                    if (marks.mark(id, generation, keys)) {
                        LOG.infof("sale %s: sold out (%d orders); answered from memory until a unit comes back",
                                id, keys.size());
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("sale %s: could not read its order keys, not remembered as sold out: %s", id, e);
                    return null;
                })
                .eventually(() -> { // a Runnable: the removed Uni is this one, never to be waited for
                    marking.remove(id);
                })
                .memoize().indefinitely());
    }

    private void count(String path, String answer) {
        answered.computeIfAbsent(path + "/" + answer, k -> Counter.builder("goodcar.sale.clicks")
                .description("buyers' clicks on POST /sales/{id}/orders, by answer and by whether the database was asked")
                .tag("path", path).tag("answer", answer).register(meters)).increment();
    }

    private static String slug(ProblemException problem) {
        String type = problem.problem().type().getPath();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    static ProblemException notStarted(Sale sale) {
        return new ProblemException(Problem.of(409, "not-started", "Not started",
                "Sale " + sale.id() + " starts at " + sale.startsAt() + ".").with("startsAt", sale.startsAt().toString()));
    }

    static ProblemException soldOut(Sale sale) {
        return new ProblemException(Problem.of(410, "sold-out", "Sold out",
                "All " + sale.units() + " units of sale " + sale.id() + " are sold or reserved; a unit whose "
                        + "reservation lapses unpaid is sold again."));
    }

    static ProblemException limitReached(Sale sale) {
        return new ProblemException(Problem.of(409, "limit-reached", "Limit reached",
                "You hold " + sale.perBuyerLimit() + " of sale " + sale.id() + "'s units already, its limit per buyer.")
                .with("perBuyerLimit", sale.perBuyerLimit()));
    }

    /** The database had no free unit: the transaction rolls back (the buyer's slot with it). */
    private static final class NoUnitLeft extends RuntimeException {
        NoUnitLeft() {
            super("no unit left", null, false, false);
        }
    }
}
