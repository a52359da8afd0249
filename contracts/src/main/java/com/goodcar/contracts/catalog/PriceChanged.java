package com.goodcar.contracts.catalog;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** The list price of an edition changed. Prices are whole fen (1 yuan = 100 fen). */
public record PriceChanged(
        String editionCode,
        long previousPriceFen,
        long newPriceFen,
        String reason,
        Instant changedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return editionCode;
    }
}
