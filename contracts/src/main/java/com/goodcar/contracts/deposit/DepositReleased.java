package com.goodcar.contracts.deposit;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** A hold ended without being applied or forfeited: the buyer may no longer bid with it. */
public record DepositReleased(String holdId, String lotId, String userId, String reason, Instant releasedAt)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return holdId;
    }
}
