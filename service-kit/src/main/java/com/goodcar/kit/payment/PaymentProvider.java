package com.goodcar.kit.payment;

/**
 * The platform's payment provider port (Alipay / WeChat Pay style). Every call is idempotent on the
 * merchant's own id, so a retry after a crash or a timeout never pays or refunds twice. A payment's
 * outcome arrives asynchronously as a signed callback ({@link CallbackSignature}).
 */
public interface PaymentProvider {

    /** Opens a payment the buyer completes on the provider's page; the same merchantPaymentId gives the same payment. */
    CreatedPayment create(PaymentOrder order);

    /** What the provider knows of a payment now (for reconciliation when a callback is late). */
    PaymentStatus query(String merchantPaymentId);

    /** Refunds a paid payment; the merchantRefundId is the provider-side idempotency key. */
    RefundResult refund(RefundOrder order);

    record PaymentOrder(String merchantPaymentId, long amountFen, String subject, String notifyUrl) {
    }

    record CreatedPayment(String providerPaymentId, String payUrl) {
    }

    /** @param state CREATED, PAID or CLOSED */
    record PaymentStatus(String merchantPaymentId, String providerPaymentId, String state, long amountFen) {
    }

    record RefundOrder(String merchantRefundId, String merchantPaymentId, long amountFen, String reason) {
    }

    /** @param state SUCCESS (money is on its way back) or REJECTED (with a reason; retrying will not help) */
    record RefundResult(String merchantRefundId, String providerRefundId, String state, String reason) {
    }

    /** The provider could not be reached or answered 5xx: retrying later with the same ids is safe. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
