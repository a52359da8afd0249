package com.goodcar.psp;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A merchant's refund request; {@code merchantRefundId} is its idempotency key. */
public record NewRefund(
        @NotNull @Pattern(regexp = SandboxIds.MERCHANT_ID, message = SandboxIds.MERCHANT_ID_RULE) String merchantRefundId,
        @NotNull @Pattern(regexp = SandboxIds.MERCHANT_ID, message = SandboxIds.MERCHANT_ID_RULE) String merchantPaymentId,
        @Min(1) long amountFen,
        @Size(max = 256) String reason) {
}
