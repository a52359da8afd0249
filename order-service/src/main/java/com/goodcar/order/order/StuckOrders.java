package com.goodcar.order.order;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Orders that should have moved on and did not: a deadline passed longer ago than the lapse scan
 * needs (the scan is failing), paid and not handed over for days, or money owed back whose refund
 * the provider has not confirmed (it is away, or rejected it). Listed for operators and
 * counted in {@code goodcar.orders.stuck}, so stuck is never silent.
 */
@ApplicationScoped
public class StuckOrders {

    private static final Logger LOG = Logger.getLogger(StuckOrders.class);
    private static final String UNCONFIRMED_REFUND = """
            exists (select 1 from order_refund r where r.order_id = o.id and r.state <> 'SUCCEEDED'
                    and r.created_at < $1)""";
    /** The store network could place the paid car at no site: an operator must assign one there. */
    private static final String NO_HANDOVER_SITE = """
            (state = 'PAID' and exists (select 1 from order_delivery d where d.order_id = o.id
                                         and d.handover_state = 'UNASSIGNED'))""";
    private static final String STUCK = """
            select *, case when %1$s then 'REFUND_NOT_CONFIRMED' when %2$s then 'NO_HANDOVER_SITE'
                           when state = 'PAID' then 'PAID_NOT_HANDED_OVER'
                           else 'DEADLINE_PASSED_NOT_EXPIRED' end as reason
            from orders o
            where (due_at is not null and due_at < $1) or (state = 'PAID' and updated_at < $2) or %1$s or %2$s"""
            .formatted(UNCONFIRMED_REFUND, NO_HANDOVER_SITE);

    /**
     * An order and why it is stuck: DEADLINE_PASSED_NOT_EXPIRED, PAID_NOT_HANDED_OVER, NO_HANDOVER_SITE (the
     * store network found no site for the paid car) or REFUND_NOT_CONFIRMED.
     */
    @Schema(examples = """
            {"order": {"id": "ord-3f1c9e2a-7b4d-4e8f-a6c5-1d2b3e4f5a60", "kind": "AUCTION_WIN", "lotId": "7d0c1e0a-5b7e-4c1f-9f3a-2a1b3c4d5e6f", "state": "PAID", "priceFen": 7819339900, "depositFen": 10000, "amountDueFen": 7819329900, "confirmBy": "2026-10-23T06:03:30Z", "payBy": "2026-10-22T07:10:00Z", "createdAt": "2026-10-22T06:03:31Z", "updatedAt": "2026-10-22T07:09:58Z"}, "reason": "PAID_NOT_HANDED_OVER"}
            """)
    public record Stuck(OrderView order, String reason) {
    }

    private final Pool pool;
    private final Clock clock;
    private final Duration lapseGrace;
    private final Duration paidFor;
    private final AtomicLong counted = new AtomicLong();

    StuckOrders(Pool pool, Clock clock, MeterRegistry meters,
                @ConfigProperty(name = "order.stuck.lapse-grace", defaultValue = "PT5M") Duration lapseGrace,
                @ConfigProperty(name = "order.stuck.paid-for", defaultValue = "P2D") Duration paidFor) {
        this.pool = pool;
        this.clock = clock;
        this.lapseGrace = lapseGrace;
        this.paidFor = paidFor;
        Gauge.builder("goodcar.orders.stuck", counted, AtomicLong::get)
                .description("orders past a deadline the lapse scan should have handled, or paid and not handed over")
                .register(meters);
    }

    public Uni<List<Stuck>> list() {
        return pool.preparedQuery(STUCK + " order by updated_at limit 1000").execute(cutoffs())
                .map(rows -> {
                    var stuck = new ArrayList<Stuck>(rows.size());
                    for (Row row : rows) {
                        stuck.add(new Stuck(OrderView.of(OrderRows.order(row)), row.getString("reason")));
                    }
                    return stuck;
                });
    }

    /** STUCK's parameters: a deadline passed before $1, or paid before $2. */
    private Tuple cutoffs() {
        Instant now = clock.instant();
        return Tuple.of(now.minus(lapseGrace).atOffset(ZoneOffset.UTC), now.minus(paidFor).atOffset(ZoneOffset.UTC));
    }

    @Scheduled(identity = "stuck-orders", every = "${order.stuck.count-every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> count() {
        return pool.preparedQuery("select count(*) from (" + STUCK + ") stuck").execute(cutoffs())
                .invoke(rows -> {
                    long n = rows.iterator().next().getLong(0);
                    if (n > 0 && counted.get() == 0) {
                        LOG.warnf("orders: %d stuck (GET /orders/stuck)", n);
                    }
                    counted.set(n);
                }).replaceWithVoid();
    }
}
