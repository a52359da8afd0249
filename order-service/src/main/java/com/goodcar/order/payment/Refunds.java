package com.goodcar.order.payment;

import com.goodcar.kit.payment.PaymentProvider;
import com.goodcar.kit.payment.ProviderRounds;
import com.goodcar.kit.payment.PaymentProvider.RefundOrder;
import com.goodcar.kit.payment.PaymentProvider.RefundResult;
import com.goodcar.kit.retry.Backoff;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends queued refunds to the provider. A refund is marked REQUESTED with a lease, then sent with
 * its own id as the provider's idempotency key: if the process dies before the answer is written,
 * the lease lapses and the same request goes again, and the provider answers with the refund it
 * already made. Money goes back once, whatever crashes.
 */
@ApplicationScoped
public class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class);
    private static final Duration IO = Duration.ofSeconds(30);

    private final Pool pool;
    private final PaymentProvider provider;
    private final Clock clock;
    private final int batch;
    private final int maxAttempts;
    private final Duration lease;
    private final ProviderRounds rounds;

    Refunds(Pool pool, PaymentProvider provider, Clock clock,
            @ConfigProperty(name = "order.refunds.batch") int batch,
            @ConfigProperty(name = "order.refunds.max-attempts") int maxAttempts,
            @ConfigProperty(name = "order.refunds.request-lease") Duration lease) {
        this.pool = pool;
        this.provider = provider;
        this.clock = clock;
        this.batch = batch;
        this.maxAttempts = maxAttempts;
        this.lease = lease;
        this.rounds = new ProviderRounds("refunds", batch, 16);
    }

    private record Claimed(String id, String paymentId, String orderId, long amountFen, String reason, int attempts) {
    }

    @Scheduled(identity = "order-refunds", every = "${order.refunds.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        rounds.run(this::claim, this::ask, this::write);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        rounds.stop();
    }

    /** One round: claims up to one batch of due refunds, asks the provider for each, writes the answers. */
    int sendBatch() {
        return rounds.round(this::claim, this::ask, this::write);
    }

    private void write(List<Tuple> updates) {
        pool.preparedQuery("""
                        update order_refund set state = $2, provider_refund_id = $3, last_error = $4,
                               next_attempt_at = $5, updated_at = $6
                        where id = $1 and state = 'REQUESTED'""")
                .executeBatch(updates).await().atMost(IO);
    }

    /** The refund's next row values: SUCCEEDED, PENDING again (provider unavailable) or FAILED (an operator must look). */
    private Tuple ask(Claimed refund) {
        Instant now = clock.instant();
        try {
            RefundResult result = provider.refund(new RefundOrder(refund.id(), refund.paymentId(), refund.amountFen(),
                    refund.reason()));
            if ("SUCCESS".equals(result.state())) {
                LOG.infof("refund %s of %d fen (order %s, %s) confirmed by the provider", refund.id(),
                        refund.amountFen(), refund.orderId(), refund.reason());
                return row(refund, "SUCCEEDED", result.providerRefundId(), null, now, now);
            }
            LOG.errorf("refund %s of %d fen (order %s) REJECTED by the provider: %s; an operator must look",
                    refund.id(), refund.amountFen(), refund.orderId(), result.reason());
            return row(refund, "FAILED", null, "rejected: " + result.reason(), now, now);
        } catch (PaymentProvider.Unavailable e) {
            // money owed back is never given up on while the provider is only away: retried every five
            // minutes at most, and listed in GET /orders/stuck (and counted) until it is confirmed
            if (refund.attempts() >= maxAttempts) {
                LOG.errorf("refund %s of %d fen (order %s): provider unavailable after %d attempts (%s); still "
                        + "retrying, listed as stuck", refund.id(), refund.amountFen(), refund.orderId(),
                        refund.attempts(), e.getMessage());
                return row(refund, "PENDING", null, e.getMessage(), now.plus(Backoff.after(refund.attempts())), now);
            }
            LOG.warnf("refund %s: provider unavailable (attempt %d: %s); retrying", refund.id(), refund.attempts(),
                    e.getMessage());
            return row(refund, "PENDING", null, e.getMessage(), now.plus(Backoff.after(refund.attempts())), now);
        }
    }

    private static Tuple row(Claimed refund, String state, String providerRefundId, String error, Instant next,
                             Instant now) {
        return Tuple.from(java.util.Arrays.asList(refund.id(), state, providerRefundId, error, PaymentRows.utc(next),
                PaymentRows.utc(now)));
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        return pool.preparedQuery("""
                        update order_refund set state = 'REQUESTED', attempts = attempts + 1, next_attempt_at = $2,
                               updated_at = $3
                        where id in (select id from order_refund where state in ('PENDING', 'REQUESTED')
                                     and next_attempt_at <= $3 order by next_attempt_at limit $1 for update skip locked)
                        returning id, payment_id, order_id, amount_fen, reason, attempts""")
                .execute(Tuple.of(batch, PaymentRows.utc(now.plus(lease)), PaymentRows.utc(now)))
                .map(rows -> {
                    var list = new ArrayList<Claimed>(rows.size());
                    for (Row row : rows) {
                        list.add(new Claimed(row.getString("id"), row.getString("payment_id"), row.getString("order_id"),
                                row.getLong("amount_fen"), row.getString("reason"), row.getInteger("attempts")));
                    }
                    return list;
                }).await().atMost(IO);
    }
}
