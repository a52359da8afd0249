package com.goodcar.kit.payment;

import io.smallrye.mutiny.Uni;

/**
 * What a merchant service does with a genuine payment callback (signature and age already
 * checked by {@link PaymentCallbacks}): claims the nonce ({@link CallbackNonces#firstDelivery}), finds the
 * payment and applies it, all in one transaction. A {@link Refused} rolls it all back, the nonce
 * included: a refused callback changes nothing.
 */
public interface CallbackCapture {

    /** Completes with the effect, a word the acknowledgement carries (HELD, PAID, ALREADY_PAID...). */
    Uni<String> capture(PaymentNotification paid, String nonce);

    /** Refuses a notification whose amount is not the payment's: an altered callback. */
    static void requireAmount(long paymentFen, PaymentNotification paid) {
        if (paymentFen != paid.amountFen()) {
            throw new Refused(Refusal.ALTERED_AMOUNT, "payment " + paid.merchantPaymentId() + " is " + paymentFen
                    + " fen, the callback says " + paid.amountFen());
        }
    }

    /** Why a callback that passed the signature check was still refused. */
    enum Refusal { REPLAYED_NONCE, UNKNOWN_PAYMENT, ALTERED_AMOUNT, NOT_PAID }

    final class Refused extends RuntimeException {
        public final Refusal refusal;

        public Refused(Refusal refusal, String detail) {
            super(detail, null, false, false);
            this.refusal = refusal;
        }
    }
}
