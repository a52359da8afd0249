package com.goodcar.psp;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One delivery attempt of a callback: what was sent and what came back.
 *
 * @param status the merchant's HTTP status; null when nothing answered (see {@code error})
 * @param answer the start of the merchant's response body
 */
@Schema(examples = """
        {"attempt": 1, "sentAt": "2026-11-11T00:03:02.004Z", "url": "http://127.0.0.1:8083/payments/callbacks", "headers": {"Content-Type": "application/json", "User-Agent": "goodcar-psp-sandbox/1", "X-Psp-Notification-Id": "4711", "X-Psp-Timestamp": "1794355382", "X-Psp-Nonce": "9b3e7d1f0a6c4e2b8d5f1a3c7e9b0d24", "X-Psp-Signature": "0744533124a5945d1813cfaed853e494b366e73d2cdb264b7c2639e7db37244d"}, "body": "{\\"merchantPaymentId\\":\\"pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74\\",\\"providerPaymentId\\":\\"sbxpay_4f9a1c7e2b8d3f6a0e5c9b1d7a3f2e84\\",\\"amountFen\\":10000,\\"state\\":\\"PAID\\",\\"paidAt\\":\\"2026-11-11T00:03:01.902Z\\"}", "status": 200, "answer": "{\\"result\\":\\"success\\",\\"effect\\":\\"HELD\\"}", "tookMs": 38}
        """)
public record DeliveryView(int attempt, Instant sentAt, String url, Map<String, String> headers, String body,
                           Integer status, String error, String answer, int tookMs) {
}
