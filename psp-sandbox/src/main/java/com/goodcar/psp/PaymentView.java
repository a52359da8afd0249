package com.goodcar.psp;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the sandbox answers about a payment. Its first four fields are the port's
 * {@code PaymentStatus}; the rest are for people reading it.
 *
 * @param state CREATED, PAID or CLOSED (a refund, even a full one, leaves a payment PAID)
 */
@Schema(examples = """
        {"merchantPaymentId": "pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "providerPaymentId": "sbxpay_4f9a1c7e2b8d3f6a0e5c9b1d7a3f2e84", "state": "PAID", "amountFen": 10000, "refundedFen": 0, "subject": "Deposit for AION UT Super, 1-yuan auction", "createdAt": "2026-11-11T00:02:13.502Z", "expiresAt": "2026-11-11T02:02:13.502Z", "paidAt": "2026-11-11T00:03:01.902Z"}
        """)
public record PaymentView(String merchantPaymentId, String providerPaymentId, String state, long amountFen,
                          long refundedFen, String subject, Instant createdAt, Instant expiresAt, Instant paidAt) {
}
