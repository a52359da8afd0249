package com.goodcar.psp;

import com.goodcar.psp.SandboxPayment.State;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The sandbox provider's payments: opened by the merchant, paid by the buyer, closed when nobody pays. */
@ApplicationScoped
public class SandboxPayments {

    private static final Logger LOG = Logger.getLogger(SandboxPayments.class);

    private final Pool pool;
    private final CallbackQueue callbacks;
    private final Clock clock;
    private final Duration timeToPay;

    SandboxPayments(Pool pool, CallbackQueue callbacks, Clock clock,
                    @ConfigProperty(name = "sandbox.time-to-pay", defaultValue = "PT2H") Duration timeToPay) {
        this.pool = pool;
        this.callbacks = callbacks;
        this.clock = clock;
        this.timeToPay = timeToPay;
    }

    /** @param created false when the merchant repeated a request it had made before */
    public record Opened(SandboxPayment payment, boolean created) {
    }

    /** Opens the payment, or answers the one opened before with this merchantPaymentId (409 if its amount differs). */
    public Uni<Opened> open(NewPayment request) {
        Instant now = now();
        return pool.preparedQuery("""
                        insert into psp_payment (provider_payment_id, merchant_payment_id, amount_fen, subject, notify_url,
                                                 state, created_at, expires_at)
                        values ($1, $2, $3, $4, $5, 'CREATED', $6, $7)
                        on conflict (merchant_payment_id) do nothing
                        returning *""")
                .execute(Tuple.from(List.of(SandboxIds.payment(), request.merchantPaymentId(), request.amountFen(),
                        request.subject(), request.notifyUrl(), utc(now), utc(now.plus(timeToPay)))))
                .chain(rows -> rows.size() == 1
                        ? Uni.createFrom().item(new Opened(payment(rows.iterator().next()), true))
                        : byMerchantId(request.merchantPaymentId()).map(earlier -> {
                            SandboxPayment payment = earlier.orElseThrow(() -> new IllegalStateException(
                                    "payment " + request.merchantPaymentId() + " conflicted but is not there"));
                            if (payment.amountFen() != request.amountFen()) {
                                throw ProblemException.conflict("payment-id-reused", "Payment id reused",
                                        "Payment " + request.merchantPaymentId() + " was opened for "
                                                + payment.amountFen() + " fen, not " + request.amountFen() + ".");
                            }
                            return new Opened(payment, false);
                        }));
    }

    public Uni<Optional<SandboxPayment>> byMerchantId(String merchantPaymentId) {
        return pool.preparedQuery("select * from psp_payment where merchant_payment_id = $1")
                .execute(Tuple.of(merchantPaymentId)).map(SandboxPayments::first);
    }

    public Uni<Optional<SandboxPayment>> byProviderId(String providerPaymentId) {
        return pool.preparedQuery("select * from psp_payment where provider_payment_id = $1")
                .execute(Tuple.of(providerPaymentId)).map(SandboxPayments::first);
    }

    /**
     * The buyer pays: the payment becomes PAID and its callback is queued in the same transaction.
     * Paying a paid payment again changes nothing and queues nothing.
     */
    public Uni<SandboxPayment> pay(String providerPaymentId) {
        Instant now = now();
        return pool.withTransaction(connection -> connection
                        .preparedQuery("select * from psp_payment where provider_payment_id = $1 for update")
                        .execute(Tuple.of(providerPaymentId))
                        .chain(rows -> {
                            SandboxPayment payment = first(rows).orElseThrow(
                                    () -> ProblemException.notFound("Payment", providerPaymentId));
                            return switch (payment.stateAt(now)) {
                                case PAID -> Uni.createFrom().item(payment);
                                case CLOSED -> throw closed(payment);
                                case CREATED -> markPaid(connection, payment, now);
                            };
                        }));
    }

    /** Closes an unpaid payment, as a provider does when the merchant cancels it; 409 once it is paid. */
    public Uni<SandboxPayment> close(String merchantPaymentId) {
        Instant now = now();
        return pool.withTransaction(connection -> connection
                .preparedQuery("select * from psp_payment where merchant_payment_id = $1 for update")
                .execute(Tuple.of(merchantPaymentId))
                .chain(rows -> {
                    SandboxPayment payment = first(rows).orElseThrow(
                            () -> ProblemException.notFound("Payment", merchantPaymentId));
                    if (payment.state() == State.PAID) {
                        throw ProblemException.conflict("payment-paid", "Payment already paid",
                                "Payment " + merchantPaymentId + " was paid at " + payment.paidAt()
                                        + "; refund it instead of closing it.");
                    }
                    if (payment.state() == State.CLOSED) {
                        return Uni.createFrom().item(payment);
                    }
                    return connection.preparedQuery("""
                                    update psp_payment set state = 'CLOSED', closed_at = $2
                                    where provider_payment_id = $1 returning *""")
                            .execute(Tuple.of(payment.providerPaymentId(), utc(now)))
                            .map(updated -> payment(updated.iterator().next()));
                }));
    }

    /** Queues one more, freshly signed delivery of a paid payment's callback; returns the notification id. */
    public Uni<Long> notifyAgain(String merchantPaymentId) {
        Instant now = now();
        return pool.withTransaction(connection -> connection
                .preparedQuery("select * from psp_payment where merchant_payment_id = $1 for share")
                .execute(Tuple.of(merchantPaymentId))
                .chain(rows -> {
                    SandboxPayment payment = first(rows).orElseThrow(
                            () -> ProblemException.notFound("Payment", merchantPaymentId));
                    if (payment.state() != State.PAID) {
                        throw ProblemException.conflict("payment-not-paid", "Payment not paid",
                                "Payment " + merchantPaymentId + " is " + payment.stateAt(now)
                                        + "; only a paid payment has a callback.");
                    }
                    return callbacks.enqueue(connection, payment, now);
                }));
    }

    private Uni<SandboxPayment> markPaid(SqlConnection connection, SandboxPayment payment, Instant now) {
        return connection.preparedQuery("""
                        update psp_payment set state = 'PAID', paid_at = $2 where provider_payment_id = $1 returning *""")
                .execute(Tuple.of(payment.providerPaymentId(), utc(now)))
                .map(rows -> payment(rows.iterator().next()))
                .call(paid -> callbacks.enqueue(connection, paid, now))
                .invoke(paid -> LOG.infof("psp-sandbox: payment %s (%d fen) paid at %s", paid.merchantPaymentId(),
                        paid.amountFen(), paid.paidAt()));
    }

    private static ProblemException closed(SandboxPayment payment) {
        return ProblemException.conflict("payment-closed", "Payment closed",
                "Payment " + payment.merchantPaymentId() + " is closed"
                        + (payment.closedAt() == null ? " (nobody paid it before " + payment.expiresAt() + ")" : "")
                        + " and can no longer be paid.");
    }

    static Optional<SandboxPayment> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(payment(rows.iterator().next()));
    }

    static SandboxPayment payment(Row row) {
        return new SandboxPayment(row.getString("provider_payment_id"), row.getString("merchant_payment_id"),
                row.getLong("amount_fen"), row.getString("subject"), row.getString("notify_url"),
                State.valueOf(row.getString("state")), row.getLong("refunded_fen"), instant(row, "created_at"),
                instant(row, "expires_at"), instant(row, "paid_at"), instant(row, "closed_at"));
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    Instant now() {
        // PostgreSQL keeps microseconds: what is stored is what a callback and a query both report
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
