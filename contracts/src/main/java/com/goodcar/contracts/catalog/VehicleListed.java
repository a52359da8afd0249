package com.goodcar.contracts.catalog;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/**
 * An edition of a vehicle model became available for sale.
 *
 * @param limitedQuantity how many units exist, or null when not limited
 */
public record VehicleListed(
        String editionCode,
        String modelCode,
        String brand,
        String modelName,
        String editionName,
        long listPriceFen,
        Integer limitedQuantity,
        Instant listedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return editionCode;
    }
}
