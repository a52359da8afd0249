package com.goodcar.psp;

import java.time.Instant;

/**
 * What the sandbox answers about a payment. Its first four fields are the port's
 * {@code PaymentStatus}; the rest are for people reading it.
 *
 * @param state CREATED, PAID or CLOSED (a refund, even a full one, leaves a payment PAID)
 */
public record PaymentView(String merchantPaymentId, String providerPaymentId, String state, long amountFen,
                          long refundedFen, String subject, Instant createdAt, Instant expiresAt, Instant paidAt) {
}
