package com.goodcar.psp;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One callback the sandbox owes a merchant, with every delivery attempt made so far.
 *
 * @param state         PENDING (an attempt is due at nextAttemptAt), DELIVERED (the merchant answered 2xx) or
 *                      GAVE_UP (no 2xx after the last attempt allowed)
 * @param nextAttemptAt while PENDING; while an attempt is in flight it is the end of that attempt's lease
 */
@Schema(examples = """
        {"notificationId": 4711, "merchantPaymentId": "pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "providerPaymentId": "sbxpay_4f9a1c7e2b8d3f6a0e5c9b1d7a3f2e84", "notifyUrl": "http://127.0.0.1:8083/payments/callbacks", "state": "DELIVERED", "attempts": 1, "createdAt": "2026-11-11T00:03:01.902Z", "finishedAt": "2026-11-11T00:03:02.042Z", "body": "{\\"merchantPaymentId\\":\\"pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74\\",\\"providerPaymentId\\":\\"sbxpay_4f9a1c7e2b8d3f6a0e5c9b1d7a3f2e84\\",\\"amountFen\\":10000,\\"state\\":\\"PAID\\",\\"paidAt\\":\\"2026-11-11T00:03:01.902Z\\"}", "deliveries": [{"attempt": 1, "sentAt": "2026-11-11T00:03:02.004Z", "url": "http://127.0.0.1:8083/payments/callbacks", "headers": {"Content-Type": "application/json", "User-Agent": "goodcar-psp-sandbox/1", "X-Psp-Notification-Id": "4711", "X-Psp-Timestamp": "1794355382", "X-Psp-Nonce": "9b3e7d1f0a6c4e2b8d5f1a3c7e9b0d24", "X-Psp-Signature": "0744533124a5945d1813cfaed853e494b366e73d2cdb264b7c2639e7db37244d"}, "body": "{\\"merchantPaymentId\\":\\"pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74\\",\\"providerPaymentId\\":\\"sbxpay_4f9a1c7e2b8d3f6a0e5c9b1d7a3f2e84\\",\\"amountFen\\":10000,\\"state\\":\\"PAID\\",\\"paidAt\\":\\"2026-11-11T00:03:01.902Z\\"}", "status": 200, "answer": "{\\"result\\":\\"success\\",\\"effect\\":\\"HELD\\"}", "tookMs": 38}]}
        """)
public record NotificationView(long notificationId, String merchantPaymentId, String providerPaymentId,
                               String notifyUrl, String state, int attempts, Instant nextAttemptAt, Instant createdAt,
                               Instant finishedAt, String body, List<DeliveryView> deliveries) {
}
