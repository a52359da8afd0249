package com.goodcar.psp;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A merchant's refund request; {@code merchantRefundId} is its idempotency key. */
@Schema(examples = """
        {"merchantRefundId": "rf-pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "merchantPaymentId": "pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "amountFen": 10000, "reason": "RELEASED"}
        """)
public record NewRefund(
        @NotNull @Pattern(regexp = SandboxIds.MERCHANT_ID, message = SandboxIds.MERCHANT_ID_RULE) String merchantRefundId,
        @NotNull @Pattern(regexp = SandboxIds.MERCHANT_ID, message = SandboxIds.MERCHANT_ID_RULE) String merchantPaymentId,
        @Min(1) long amountFen,
        @Size(max = 256) String reason) {
}
