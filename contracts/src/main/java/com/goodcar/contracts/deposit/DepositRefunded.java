package com.goodcar.contracts.deposit;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** The payment provider confirmed that a released (or doubly paid) deposit went back to the buyer. */
public record DepositRefunded(String holdId, String lotId, String userId, String refundId, long amountFen,
                              Instant refundedAt) implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return holdId;
    }
}
