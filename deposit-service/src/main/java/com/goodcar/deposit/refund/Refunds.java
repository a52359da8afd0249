package com.goodcar.deposit.refund;

import com.goodcar.contracts.IntegrationEvent;
import com.goodcar.contracts.deposit.DepositRefunded;
import com.goodcar.deposit.ledger.Journal;
import com.goodcar.deposit.ledger.JournalEntry;
import com.goodcar.deposit.ledger.Movement;
import com.goodcar.kit.payment.PaymentProvider;
import com.goodcar.kit.payment.ProviderRounds;
import com.goodcar.kit.retry.Backoff;
import com.goodcar.kit.payment.PaymentProvider.RefundOrder;
import com.goodcar.kit.payment.PaymentProvider.RefundResult;
import com.goodcar.kit.outbox.Outbox;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends queued refunds to the provider and books the ones it confirms. A refund is first marked
 * REQUESTED with a lease, then sent with its own id as the provider's idempotency key: if the
 * process dies before the answer is booked, the lease lapses and the same request goes again, and
 * the provider answers with the refund it already made. Money goes back once, whatever crashes.
 */
@ApplicationScoped
public class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class);
    private static final Duration IO = Duration.ofSeconds(30);

    private final Pool pool;
    private final PaymentProvider provider;
    private final Journal journal;
    private final Outbox outbox;
    private final Clock clock;
    private final int batch;
    private final int maxAttempts;
    private final Duration lease;
    private final ProviderRounds rounds;

    Refunds(Pool pool, PaymentProvider provider, Journal journal, Outbox outbox, Clock clock,
            @ConfigProperty(name = "deposit.refunds.batch") int batch,
            @ConfigProperty(name = "deposit.refunds.max-attempts") int maxAttempts,
            @ConfigProperty(name = "deposit.refunds.request-lease") Duration lease) {
        this.pool = pool;
        this.provider = provider;
        this.journal = journal;
        this.outbox = outbox;
        this.clock = clock;
        this.batch = batch;
        this.maxAttempts = maxAttempts;
        this.lease = lease;
        this.rounds = new ProviderRounds("refunds", batch, 16);
    }

    private record Claimed(String id, String providerKey, String paymentId, String depositId, String lotId, String userId, long amountFen,
                           String reason, int attempts) {
    }

    private record Answer(Claimed refund, RefundResult result, String error) {
    }

    @Scheduled(identity = "refunds", every = "${deposit.refunds.every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        rounds.run(this::claim, this::ask, this::book);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        rounds.stop();
    }

    /** One round: claims up to one batch of due refunds, asks the provider for each, books the answers. */
    int sendBatch() {
        return rounds.round(this::claim, this::ask, this::book);
    }

    private Answer ask(Claimed refund) {
        try {
            return new Answer(refund, provider.refund(new RefundOrder(refund.providerKey(), refund.paymentId(),
                    refund.amountFen(), refund.reason())), null);
        } catch (PaymentProvider.Unavailable e) {
            return new Answer(refund, null, e.getMessage());
        }
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        return pool.preparedQuery("""
                        update refund set state = 'REQUESTED', attempts = attempts + 1, next_attempt_at = $2, updated_at = $3
                        where id in (select id from refund where state in ('PENDING', 'REQUESTED') and next_attempt_at <= $3
                                     order by next_attempt_at limit $1 for update skip locked)
                        returning id, coalesce(provider_key, id) as provider_key, payment_id, deposit_id, lot_id, user_id,
                                  amount_fen, reason, attempts""")
                .execute(Tuple.of(batch, now.plus(lease).atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    var list = new ArrayList<Claimed>();
                    for (Row row : rows) {
                        list.add(new Claimed(row.getString("id"), row.getString("provider_key"), row.getString("payment_id"),
                                row.getString("deposit_id"), row.getString("lot_id"), row.getString("user_id"),
                                row.getLong("amount_fen"), row.getString("reason"), row.getInteger("attempts")));
                    }
                    return list;
                }).await().atMost(IO);
    }

    private void book(List<Answer> answers) {
        Instant now = clock.instant();
        var at = now.atOffset(ZoneOffset.UTC);
        var succeeded = new ArrayList<Answer>();
        var retry = new ArrayList<Tuple>();
        var failed = new ArrayList<Tuple>();
        for (Answer answer : answers) {
            Claimed refund = answer.refund();
            if (answer.result() != null && "SUCCESS".equals(answer.result().state())) {
                succeeded.add(answer);
            } else if (answer.result() != null) {
                LOG.errorf("refund %s of %d fen (deposit %s) REJECTED by the provider: %s; an operator must look",
                        refund.id(), refund.amountFen(), refund.depositId(), answer.result().reason());
                failed.add(Tuple.of(refund.id(), "rejected: " + answer.result().reason(), at));
            } else if (refund.attempts() >= maxAttempts) {
                LOG.errorf("refund %s: provider unavailable after %d attempts (%s); FAILED, an operator must retry",
                        refund.id(), refund.attempts(), answer.error());
                failed.add(Tuple.of(refund.id(), answer.error(), at));
            } else {
                LOG.warnf("refund %s: provider unavailable (attempt %d: %s); retrying", refund.id(), refund.attempts(),
                        answer.error());
                retry.add(Tuple.of(refund.id(), answer.error(), now.plus(Backoff.after(refund.attempts()))
                        .atOffset(ZoneOffset.UTC), at));
            }
        }
        var entries = new ArrayList<JournalEntry>();
        var events = new ArrayList<IntegrationEvent>();
        var done = new ArrayList<Tuple>();
        var releasedDeposits = new ArrayList<String>();
        for (Answer answer : succeeded) {
            Claimed r = answer.refund();
            entries.add(JournalEntry.of(Movement.REFUND, r.id(), r.depositId(), r.lotId(), r.userId(), r.amountFen(),
                    "refund confirmed by the provider", "refund:" + answer.result().providerRefundId(), now));
            events.add(new DepositRefunded(r.depositId(), r.lotId(), r.userId(), r.id(), r.amountFen(), now));
            done.add(Tuple.of(r.id(), answer.result().providerRefundId(), at));
            if (RefundRows.RELEASED.equals(r.reason())) {
                releasedDeposits.add(r.depositId());
            }
        }
        pool.withTransaction(connection -> (done.isEmpty() ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                        : connection.preparedQuery("""
                                update refund set state = 'SUCCEEDED', provider_refund_id = $2, updated_at = $3
                                where id = $1 and state = 'REQUESTED'""").executeBatch(done).replaceWithVoid())
                .chain(() -> journal.book(connection, entries))
                .chain(() -> releasedDeposits.isEmpty() ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                        : connection.preparedQuery("""
                                update deposit set state = 'REFUNDED', updated_at = $2
                                where id = any($1) and state = 'RELEASED'""")
                        .execute(Tuple.of(releasedDeposits.toArray(new String[0]), at)).replaceWithVoid())
                .chain(() -> outbox.stage(connection, events, now))
                .chain(() -> retry.isEmpty() ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                        : connection.preparedQuery("""
                                update refund set state = 'PENDING', last_error = $2, next_attempt_at = $3, updated_at = $4
                                where id = $1 and state = 'REQUESTED'""").executeBatch(retry).replaceWithVoid())
                .chain(() -> failed.isEmpty() ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                        : connection.preparedQuery("""
                                update refund set state = 'FAILED', last_error = $2, updated_at = $3
                                where id = $1 and state = 'REQUESTED'""").executeBatch(failed).replaceWithVoid()))
                .await().atMost(IO);
        if (!answers.isEmpty()) {
            LOG.infof("refunds: %d confirmed, %d to retry, %d failed", succeeded.size(), retry.size(), failed.size());
        }
    }
}
