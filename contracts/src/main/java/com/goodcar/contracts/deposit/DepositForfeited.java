package com.goodcar.contracts.deposit;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/**
 * The winner did not pay in time, or cancelled after paying: the deposit is lost, and only the deposit.
 *
 * @param reason PAYMENT_DEADLINE_PASSED or CANCELLED_AFTER_PAYMENT
 */
public record DepositForfeited(String holdId, String lotId, String userId, String orderId, String reason,
                               long amountFen, Instant forfeitedAt) implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return holdId;
    }
}
