package com.goodcar.kit.payment;

import java.time.Instant;

/**
 * The body of a payment callback, as the provider sends it (JSON).
 *
 * @param state PAID (the only state a callback reports for now)
 */
public record PaymentNotification(String merchantPaymentId, String providerPaymentId, long amountFen, String state,
                                  Instant paidAt) {
}
