package com.goodcar.catalog.vehicle;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(examples = """
        {"code": "AION-UT-SUPER", "specification": {"brand": "GAC AION", "name": "AION UT Super", "bodyType": "hatchback", "rangeKm": 500, "battery": "LFP 44.12 kWh", "batterySwapSeconds": 180, "cockpit": "14.6-inch screen, voice assistant", "wheelbaseMm": 2750, "rearLegroomMm": 920, "lateralSpaceMm": 1390, "recliningFrontSeats": true, "priceGuideMinFen": 8990000, "priceGuideMaxFen": 11990000}}
        """)
public record NewModel(
        @NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotNull @Valid ModelSpecification specification) {
}
