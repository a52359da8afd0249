package com.goodcar.psp;

import java.time.Instant;
import java.util.List;

/**
 * One callback the sandbox owes a merchant, with every delivery attempt made so far.
 *
 * @param state         PENDING (an attempt is due at nextAttemptAt), DELIVERED (the merchant answered 2xx) or
 *                      GAVE_UP (no 2xx after the last attempt allowed)
 * @param nextAttemptAt while PENDING; while an attempt is in flight it is the end of that attempt's lease
 */
public record NotificationView(long notificationId, String merchantPaymentId, String providerPaymentId,
                               String notifyUrl, String state, int attempts, Instant nextAttemptAt, Instant createdAt,
                               Instant finishedAt, String body, List<DeliveryView> deliveries) {
}
