package com.goodcar.catalog.vehicle;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

@Schema(examples = """
        {"code": "AION-UT-SUPER-STD", "name": "Standard", "description": "500 km, 180 s battery swap", "listPriceFen": 10990000, "limitedQuantity": 5000}
        """)
public record NewEdition(
        @NotNull @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank @Size(max = 80) String name,
        @NotBlank @Size(max = 1000) String description,
        @Positive @Max(Prices.MAX_FEN) long listPriceFen,
        @Positive Integer limitedQuantity) {
}
