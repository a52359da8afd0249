package com.goodcar.contracts.deposit;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** The winner paid the order: the deposit counts towards the price and the hold ends. */
public record DepositApplied(String holdId, String lotId, String userId, String orderId, long amountFen,
                             Instant appliedAt) implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return holdId;
    }
}
