package com.goodcar.catalog.vehicle;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Everything a buyer compares models by. Lengths in mm, range in km, prices in fen. */
@Schema(examples = """
        {"brand": "GAC AION", "name": "AION UT Super", "bodyType": "hatchback", "rangeKm": 500, "battery": "LFP 44.12 kWh", "batterySwapSeconds": 180, "cockpit": "14.6-inch screen, voice assistant", "wheelbaseMm": 2750, "rearLegroomMm": 920, "lateralSpaceMm": 1390, "recliningFrontSeats": true, "priceGuideMinFen": 8990000, "priceGuideMaxFen": 11990000}
        """)
public record ModelSpecification(
        @NotBlank @Size(max = 60) String brand,
        @NotBlank @Size(max = 80) String name,
        @NotBlank @Size(max = 60) String bodyType,
        @Positive @Max(2000) int rangeKm,
        @NotBlank @Size(max = 120) String battery,
        @Positive @Max(3600) Integer batterySwapSeconds,
        @NotBlank @Size(max = 200) String cockpit,
        @Positive @Max(6000) int wheelbaseMm,
        @Positive @Max(2000) int rearLegroomMm,
        @Positive @Max(3000) int lateralSpaceMm,
        @NotNull Boolean recliningFrontSeats,
        @Positive @Max(Prices.MAX_FEN) long priceGuideMinFen,
        @Positive @Max(Prices.MAX_FEN) long priceGuideMaxFen) {

    @JsonIgnore
    @AssertTrue(message = "priceGuideMaxFen must not be below priceGuideMinFen")
    public boolean isPriceGuideOrdered() {
        return priceGuideMaxFen >= priceGuideMinFen;
    }
}
