package com.goodcar.catalog.vehicle;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;

/** @param limitedQuantity how many units exist, or null when the edition is not limited */
@Schema(examples = """
        {"code": "AION-UT-SUPER-STD", "modelCode": "AION-UT-SUPER", "name": "Standard", "description": "500 km, 180 s battery swap", "listPriceFen": 10990000, "limitedQuantity": 5000, "listedAt": "2026-11-11T00:00:00Z"}
        """)
public record EditionView(String code, String modelCode, String name, String description, long listPriceFen,
                          Integer limitedQuantity, Instant listedAt) {

    static EditionView of(Edition e) {
        return new EditionView(e.code, e.modelCode, e.name, e.description, e.listPriceFen, e.limitedQuantity,
                e.listedAt);
    }
}
