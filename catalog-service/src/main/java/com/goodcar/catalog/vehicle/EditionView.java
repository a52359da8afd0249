package com.goodcar.catalog.vehicle;

import java.time.Instant;

/** @param limitedQuantity how many units exist, or null when the edition is not limited */
public record EditionView(String code, String modelCode, String name, String description, long listPriceFen,
                          Integer limitedQuantity, Instant listedAt) {

    static EditionView of(Edition e) {
        return new EditionView(e.code, e.modelCode, e.name, e.description, e.listPriceFen, e.limitedQuantity,
                e.listedAt);
    }
}
