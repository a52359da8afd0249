package com.goodcar.contracts.deposit;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** A buyer's deposit for a lot is paid and held: the buyer may bid on that lot. */
public record DepositHeld(String holdId, String lotId, String userId, long amountFen, Instant heldAt)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return holdId;
    }
}
