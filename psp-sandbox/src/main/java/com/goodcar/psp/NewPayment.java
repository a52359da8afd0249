package com.goodcar.psp;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A merchant's request to open a payment; {@code merchantPaymentId} is its idempotency key. */
public record NewPayment(
        @NotNull @Pattern(regexp = SandboxIds.MERCHANT_ID, message = SandboxIds.MERCHANT_ID_RULE) String merchantPaymentId,
        @Min(1) long amountFen,
        @NotBlank @Size(max = 256) String subject,
        @NotNull @Size(max = 2048) @Pattern(regexp = "^https?://[^\\s]+$", message = "must be an absolute http(s) URL")
        String notifyUrl) {
}
