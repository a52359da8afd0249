package com.goodcar.order.sale;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sale as buyers and operators see it; {@code unitsLeft} rises again when an unpaid reservation lapses. */
@Schema(examples = """
        {"id": "sale-2f9c4e1b-8a7d-4c3e-b6f5-1a2b3c4d5e6f", "editionCode": "AION-UT-SUPER-STD", "priceFen": 11990000, "units": 1000, "unitsLeft": 212, "startsAt": "2026-11-11T00:00:00Z", "perBuyerLimit": 1, "payWithin": "PT15M", "state": "ON_SALE"}
        """)
public record SaleView(String id, String editionCode, long priceFen, int units, int unitsLeft, Instant startsAt,
                       int perBuyerLimit, String payWithin, SaleState state) {

    static SaleView of(Sale sale, int unitsLeft, Instant now) {
        return new SaleView(sale.id(), sale.editionCode(), sale.priceFen(), sale.units(), unitsLeft, sale.startsAt(),
                sale.perBuyerLimit(), sale.payWithin().toString(), sale.stateAt(now, unitsLeft));
    }
}
