package com.goodcar.auction.scheduling;

import com.goodcar.auction.lot.LotRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A lot to schedule. Omitted settings take the seed auction's: start 1 yuan (100 fen), deposit 100
 * yuan, no reserve, soft close 5 minutes, the standard ladder; highest price 1 billion yuan, no cap
 * on a single raise (the seed auction capped it at 4,490 yuan: {@code maxRaiseFen} 449000); no
 * second chance ({@code secondChance}: at a sale the runner-up's hold is kept, and the car is offered
 * to them at their own maximum if the winner defaults or cancels).
 */
@Schema(examples = """
        {"editionCode": "AION-UT-SUPER-NGC001", "title": "National Good Car No. 001", "opensAt": "2026-10-22T02:00:00Z", "endsAt": "2026-10-22T06:00:00Z", "startPriceFen": 100, "depositFen": 10000, "softCloseSeconds": 300, "maxRaiseFen": 449000, "secondChance": true}
        """)
public record NewLot(
        @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{1,39}$", message = "must be an edition code such as AION-UT-SUPER-NGC001") String editionCode,
        @NotBlank @Size(max = 120) String title,
        @NotNull Instant opensAt,
        @NotNull Instant endsAt,
        @Positive @Max(LotRules.PRICE_CEILING_FEN) Long startPriceFen,
        @PositiveOrZero @Max(LotRules.PRICE_CEILING_FEN) Long reservePriceFen,
        @Positive @Max(LotRules.PRICE_CEILING_FEN) Long depositFen,
        @Min(0) @Max(3600) Integer softCloseSeconds,
        @Valid @Size(min = 1, max = 30) List<@NotNull @Valid Band> ladder,
        @Positive @Max(LotRules.PRICE_CEILING_FEN) Long maxPriceFen,
        @PositiveOrZero @Max(LotRules.PRICE_CEILING_FEN) Long maxRaiseFen,
        Boolean secondChance) {

    public record Band(@NotNull @PositiveOrZero @Max(LotRules.PRICE_CEILING_FEN) Long fromFen,
                       @NotNull @Positive @Max(LotRules.PRICE_CEILING_FEN) Long incrementFen) {
    }
}
