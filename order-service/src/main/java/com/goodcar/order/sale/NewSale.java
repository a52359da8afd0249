package com.goodcar.order.sale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sale to schedule; perBuyerLimit defaults to 1 and payWithin (ISO-8601, PT1S to PT24H) to PT15M. */
@Schema(examples = """
        {"editionCode": "AION-UT-SUPER-STD", "priceFen": 11990000, "units": 1000, "startsAt": "2026-11-11T00:00:00Z", "perBuyerLimit": 1, "payWithin": "PT15M"}
        """)
public record NewSale(
        @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{1,39}$", message = "must be an edition code such as AION-UT-SUPER-STD") String editionCode,
        @NotNull @Min(1) @Max(Sale.PRICE_CEILING_FEN) Long priceFen,
        @NotNull @Min(1) @Max(Sale.MAX_UNITS) Integer units,
        @NotNull Instant startsAt,
        @Min(1) @Max(Sale.MAX_PER_BUYER) Integer perBuyerLimit,
        @Pattern(regexp = "^P(?:[0-9]{1,3}D)?(?:T(?:[0-9]{1,5}H)?(?:[0-9]{1,5}M)?(?:[0-9]{1,5}(?:\\.[0-9]{1,3})?S)?)?$",
                message = "must be an ISO-8601 duration such as PT15M") String payWithin) {
}
