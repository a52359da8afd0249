package com.goodcar.psp;

import com.goodcar.kit.payment.PaymentNotification;
import java.time.Instant;
import java.util.Optional;

/** A payment as the sandbox provider keeps it, and the provider's rules about it. Plain Java. */
public record SandboxPayment(String providerPaymentId, String merchantPaymentId, long amountFen, String subject,
                             String notifyUrl, State state, long refundedFen, Instant createdAt, Instant expiresAt,
                             Instant paidAt, Instant closedAt) {

    public enum State { CREATED, PAID, CLOSED }

    /** The state the provider reports at {@code now}: a payment nobody paid before it expired is closed. */
    public State stateAt(Instant now) {
        return state == State.CREATED && !now.isBefore(expiresAt) ? State.CLOSED : state;
    }

    public long refundableFen() {
        return state == State.PAID ? amountFen - refundedFen : 0;
    }

    /** Why the provider refuses to refund {@code fen} now, or empty when it refunds it. */
    public Optional<String> refundRefusal(long fen, Instant now) {
        if (stateAt(now) != State.PAID) {
            return Optional.of("payment " + merchantPaymentId + " is " + stateAt(now) + ", not paid: nothing to refund");
        }
        if (fen > refundableFen()) {
            return Optional.of("refund of " + fen + " fen exceeds what is left to refund of payment "
                    + merchantPaymentId + ": " + refundableFen() + " of " + amountFen + " fen");
        }
        return Optional.empty();
    }

    /** The callback body that reports this payment paid; the same for every delivery of it. */
    public PaymentNotification paidNotification() {
        if (state != State.PAID) {
            throw new IllegalStateException("payment " + merchantPaymentId + " is " + state + ", not paid");
        }
        return new PaymentNotification(merchantPaymentId, providerPaymentId, amountFen, "PAID", paidAt);
    }

    public PaymentView view(Instant now) {
        return new PaymentView(merchantPaymentId, providerPaymentId, stateAt(now).name(), amountFen, refundedFen,
                subject, createdAt, expiresAt, paidAt);
    }
}
