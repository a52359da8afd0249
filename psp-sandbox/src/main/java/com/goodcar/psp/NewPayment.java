package com.goodcar.psp;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A merchant's request to open a payment; {@code merchantPaymentId} is its idempotency key. */
@Schema(examples = """
        {"merchantPaymentId": "pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "amountFen": 10000, "subject": "Deposit for AION UT Super, 1-yuan auction", "notifyUrl": "http://127.0.0.1:8083/payments/callbacks"}
        """)
public record NewPayment(
        @NotNull @Pattern(regexp = SandboxIds.MERCHANT_ID, message = SandboxIds.MERCHANT_ID_RULE) String merchantPaymentId,
        @Min(1) long amountFen,
        @NotBlank @Size(max = 256) String subject,
        @NotNull @Size(max = 2048) @Pattern(regexp = "^https?://[^\\s]+$", message = "must be an absolute http(s) URL")
        String notifyUrl) {
}
