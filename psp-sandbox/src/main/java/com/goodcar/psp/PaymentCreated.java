package com.goodcar.psp;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to opening a payment: where to send the buyer. The same answer for a repeat. */
@Schema(examples = """
        {"providerPaymentId": "sbxpay_4f9a1c7e2b8d3f6a0e5c9b1d7a3f2e84", "payUrl": "http://127.0.0.1:8086/psp-sandbox/pay/sbxpay_4f9a1c7e2b8d3f6a0e5c9b1d7a3f2e84"}
        """)
public record PaymentCreated(String providerPaymentId, String payUrl) {
}
