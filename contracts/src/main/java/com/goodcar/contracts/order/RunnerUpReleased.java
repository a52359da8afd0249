package com.goodcar.contracts.order;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/**
 * A second-chance lot's runner-up is no longer needed: their kept deposit is released and refunded,
 * never forfeited.
 *
 * @param reason WINNER_HANDED_OVER (the winner has the car), OFFER_DECLINED or OFFER_EXPIRED
 */
public record RunnerUpReleased(String lotId, String userId, String reason, Instant releasedAt)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return lotId;
    }
}
