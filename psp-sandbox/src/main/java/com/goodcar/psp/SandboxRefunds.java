package com.goodcar.psp;

import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The sandbox provider's refunds. Every request is answered once and for all under its
 * merchantRefundId: a repeat gets the same refund (or the same rejection), never a second one, and
 * the refunds of a payment never add up to more than was paid.
 */
@ApplicationScoped
public class SandboxRefunds {

    private static final Logger LOG = Logger.getLogger(SandboxRefunds.class);

    private final Pool pool;
    private final SandboxPayments payments;

    SandboxRefunds(Pool pool, SandboxPayments payments) {
        this.pool = pool;
        this.payments = payments;
    }

    /** @param created false when the merchant repeated a request it had made before */
    public record Answered(RefundView refund, boolean created) {
    }

    public Uni<Answered> refund(NewRefund request) {
        Instant now = payments.now();
        // the payment's row lock serialises refunds of one payment, so two at once cannot both fit
        return pool.withTransaction(connection -> connection
                .preparedQuery("select * from psp_payment where merchant_payment_id = $1 for update")
                .execute(Tuple.of(request.merchantPaymentId()))
                .map(SandboxPayments::first)
                .chain(payment -> byMerchantId(connection, request.merchantRefundId())
                        .chain(earlier -> earlier.isPresent()
                                ? Uni.createFrom().item(new Answered(sameRequest(earlier.get(), request), false))
                                : decide(connection, request, payment, now))));
    }

    public Uni<List<RefundView>> ofPayment(String merchantPaymentId) {
        return pool.preparedQuery("select * from psp_refund where merchant_payment_id = $1 order by created_at, provider_refund_id")
                .execute(Tuple.of(merchantPaymentId))
                .map(rows -> {
                    var refunds = new ArrayList<RefundView>();
                    rows.forEach(row -> refunds.add(view(row)));
                    return refunds;
                });
    }

    private Uni<Answered> decide(SqlConnection connection, NewRefund request, Optional<SandboxPayment> payment,
                                 Instant now) {
        Optional<String> refusal = payment.isEmpty()
                ? Optional.of("no payment " + request.merchantPaymentId() + " at this provider")
                : payment.get().refundRefusal(request.amountFen(), now);
        String state = refusal.isPresent() ? "REJECTED" : "SUCCESS";
        return connection.preparedQuery("""
                        insert into psp_refund (provider_refund_id, merchant_refund_id, merchant_payment_id, amount_fen,
                                                request_reason, state, rejection, created_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)
                        on conflict (merchant_refund_id) do nothing
                        returning *""")
                .execute(Tuple.from(Arrays.asList(SandboxIds.refund(), request.merchantRefundId(),
                        request.merchantPaymentId(), request.amountFen(), request.reason(), state,
                        refusal.orElse(null), SandboxPayments.utc(now))))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        // the same key for another payment at the same moment: the other request won
                        return byMerchantId(connection, request.merchantRefundId())
                                .map(earlier -> new Answered(sameRequest(earlier.orElseThrow(), request), false));
                    }
                    RefundView refund = view(rows.iterator().next());
                    if (refusal.isPresent()) {
                        LOG.infof("psp-sandbox: refund %s rejected: %s", request.merchantRefundId(), refusal.get());
                        return Uni.createFrom().item(new Answered(refund, true));
                    }
                    return connection.preparedQuery("""
                                    update psp_payment set refunded_fen = refunded_fen + $2 where merchant_payment_id = $1""")
                            .execute(Tuple.of(request.merchantPaymentId(), request.amountFen()))
                            .invoke(() -> LOG.infof("psp-sandbox: refunded %d fen of payment %s (%s)",
                                    request.amountFen(), request.merchantPaymentId(), request.merchantRefundId()))
                            .replaceWith(new Answered(refund, true));
                });
    }

    private static RefundView sameRequest(RefundView earlier, NewRefund request) {
        if (!earlier.merchantPaymentId().equals(request.merchantPaymentId())
                || earlier.amountFen() != request.amountFen()) {
            throw ProblemException.conflict("refund-id-reused", "Refund id reused",
                    "Refund " + request.merchantRefundId() + " was requested for " + earlier.amountFen()
                            + " fen of payment " + earlier.merchantPaymentId() + ", not " + request.amountFen()
                            + " fen of payment " + request.merchantPaymentId() + ".");
        }
        return earlier;
    }

    private static Uni<Optional<RefundView>> byMerchantId(SqlConnection connection, String merchantRefundId) {
        return connection.preparedQuery("select * from psp_refund where merchant_refund_id = $1")
                .execute(Tuple.of(merchantRefundId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    private static RefundView view(Row row) {
        return new RefundView(row.getString("merchant_refund_id"), row.getString("provider_refund_id"),
                row.getString("state"), row.getString("rejection"), row.getString("merchant_payment_id"),
                row.getLong("amount_fen"), row.getString("request_reason"), SandboxPayments.instant(row, "created_at"));
    }
}
