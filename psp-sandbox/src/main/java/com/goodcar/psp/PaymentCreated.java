package com.goodcar.psp;

/** The answer to opening a payment: where to send the buyer. The same answer for a repeat. */
public record PaymentCreated(String providerPaymentId, String payUrl) {
}
