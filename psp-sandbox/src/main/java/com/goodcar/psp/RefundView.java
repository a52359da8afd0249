package com.goodcar.psp;

import java.time.Instant;

/**
 * A refund as the sandbox answers it. Its first four fields are the port's {@code RefundResult}.
 *
 * @param state  SUCCESS or REJECTED
 * @param reason why it was rejected (null when it succeeded)
 * @param requestReason the merchant's reason for asking
 */
public record RefundView(String merchantRefundId, String providerRefundId, String state, String reason,
                         String merchantPaymentId, long amountFen, String requestReason, Instant createdAt) {
}
