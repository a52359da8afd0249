package com.goodcar.psp;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A refund as the sandbox answers it. Its first four fields are the port's {@code RefundResult}.
 *
 * @param state  SUCCESS or REJECTED
 * @param reason why it was rejected (null when it succeeded)
 * @param requestReason the merchant's reason for asking
 */
@Schema(examples = """
        {"merchantRefundId": "rf-pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "providerRefundId": "sbxrfd_6a2e9f0c4b7d1e3a5c8f2b90", "state": "SUCCESS", "merchantPaymentId": "pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "amountFen": 10000, "requestReason": "RELEASED", "createdAt": "2026-11-11T04:00:31.214Z"}
        """)
public record RefundView(String merchantRefundId, String providerRefundId, String state, String reason,
                         String merchantPaymentId, long amountFen, String requestReason, Instant createdAt) {
}
