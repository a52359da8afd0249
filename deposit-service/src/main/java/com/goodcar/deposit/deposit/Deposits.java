package com.goodcar.deposit.deposit;

import com.goodcar.kit.payment.PaymentProvider;
import com.goodcar.kit.payment.PaymentProvider.PaymentOrder;
import com.goodcar.kit.idempotency.IdempotencyLock;
import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Opens a buyer's deposit for a lot and the payment that will make it a hold. The rows commit
 * first and the provider is called after, idempotently on the payment id: a crash or a provider
 * timeout in between is repaired by the buyer's retry with the same Idempotency-Key.
 */
@ApplicationScoped
public class Deposits {

    private static final Logger LOG = Logger.getLogger(Deposits.class);

    private final Pool pool;
    private final PaymentProvider provider;
    private final Clock clock;
    private final String notifyUrl;

    Deposits(Pool pool, PaymentProvider provider, Clock clock,
             @ConfigProperty(name = "psp.notify-url") String notifyUrl) {
        this.pool = pool;
        this.provider = provider;
        this.clock = clock;
        this.notifyUrl = notifyUrl;
    }

    /**
     * A deposit and the payment the buyer is to make for it.
     *
     * @param created false when the same Idempotency-Key had already opened this payment
     */
    public record Opened(Deposit deposit, String paymentId, String payUrl, boolean created) {
    }

    private record Staged(Deposit deposit, String paymentId, String payUrl, String title, boolean created) {
    }

    public Uni<Opened> open(String userId, String lotId, String key) {
        return pool.withTransaction(connection -> IdempotencyLock.take(connection, "deposit", userId, key)
                        .chain(() -> connection.preparedQuery("""
                                select p.id as pid, p.pay_url, d.* from payment p join deposit d on d.id = p.deposit_id
                                where p.user_id = $1 and p.create_key = $2""")
                        .execute(Tuple.of(userId, key))
                        .chain(rows -> {
                            if (rows.size() > 0) {
                                Row row = rows.iterator().next();
                                if (!row.getString("lot_id").equals(lotId)) {
                                    throw new ProblemException(Problem.of(422, "key-reused", "Idempotency-Key reused",
                                            "This Idempotency-Key was used for another lot."));
                                }
                                return Uni.createFrom().item(new Staged(Deposit.of(row), row.getString("pid"),
                                        row.getString("pay_url"), null, false));
                            }
                            return stage(connection, userId, lotId, key);
                        })))
                .chain(staged -> staged.payUrl() != null
                        ? Uni.createFrom().item(new Opened(staged.deposit(), staged.paymentId(), staged.payUrl(), false))
                        : requestPayment(staged));
    }

    private Uni<Staged> stage(SqlConnection connection, String userId, String lotId, String key) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        return connection.preparedQuery("select deposit_fen, title, result from lot where id = $1 for share")
                .execute(Tuple.of(lotId))
                .chain(lots -> {
                    if (lots.size() == 0) {
                        throw new ProblemException(Problem.of(409, "lot-unknown", "Lot not open for deposits",
                                "Lot " + lotId + " is not (yet) scheduled for auction; deposits open when it is."));
                    }
                    Row lot = lots.iterator().next();
                    if (lot.getString("result") != null) {
                        throw new ProblemException(Problem.of(410, "lot-closed", "Lot closed",
                                "The auction of lot " + lotId + " has ended."));
                    }
                    String depositId = "dep-" + UUID.randomUUID();
                    return connection.preparedQuery("""
                                    insert into deposit (id, lot_id, user_id, amount_fen, state, created_at, updated_at)
                                    values ($1, $2, $3, $4, 'AWAITING_PAYMENT', $5, $5)
                                    on conflict (lot_id, user_id) where state in ('AWAITING_PAYMENT', 'HELD', 'WON') do nothing""")
                            .execute(Tuple.of(depositId, lotId, userId, lot.getLong("deposit_fen"), now))
                            .chain(() -> connection.preparedQuery("""
                                            select * from deposit where lot_id = $1 and user_id = $2
                                            and state in ('AWAITING_PAYMENT', 'HELD', 'WON') for update""")
                                    .execute(Tuple.of(lotId, userId)))
                            .chain(live -> {
                                Deposit deposit = Deposit.of(live.iterator().next());
                                if (deposit.state() != DepositState.AWAITING_PAYMENT) {
                                    throw new ProblemException(Problem.of(409, "already-held", "Deposit already held",
                                            "You already hold deposit " + deposit.id() + " for this lot.")
                                            .with("depositId", deposit.id()));
                                }
                                String paymentId = "pay-" + UUID.randomUUID();
                                return connection.preparedQuery("""
                                                insert into payment (id, deposit_id, user_id, amount_fen, state, create_key, created_at)
                                                values ($1, $2, $3, $4, 'CREATED', $5, $6)""")
                                        .execute(Tuple.of(paymentId, deposit.id(), userId, deposit.amountFen(), key, now))
                                        .map(ignored -> new Staged(deposit, paymentId, null, lot.getString("title"), true));
                            });
                });
    }

    private Uni<Opened> requestPayment(Staged staged) {
        Deposit deposit = staged.deposit();
        String subject = "Deposit for " + (staged.title() == null ? "lot " + deposit.lotId() : staged.title());
        return Uni.createFrom().item(() -> provider.create(
                        new PaymentOrder(staged.paymentId(), deposit.amountFen(), subject, notifyUrl)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure(PaymentProvider.Unavailable.class).transform(e -> {
                    LOG.warnf("payment %s: the provider is unavailable (%s); the buyer's retry will ask again",
                            staged.paymentId(), e.getMessage());
                    return new ProblemException(Problem.of(503, "provider-unavailable", "Payment provider unavailable",
                            "The payment provider did not answer; retry with the same Idempotency-Key.")
                            .with("retryAfterSeconds", 2));
                })
                .chain(created -> pool.preparedQuery(
                                "update payment set provider_payment_id = $2, pay_url = $3 where id = $1")
                        .execute(Tuple.of(staged.paymentId(), created.providerPaymentId(), created.payUrl()))
                        .replaceWith(new Opened(deposit, staged.paymentId(), created.payUrl(), staged.created())));
    }
}
