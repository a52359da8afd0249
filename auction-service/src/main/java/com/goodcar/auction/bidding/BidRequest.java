package com.goodcar.auction.bidding;

import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A bid: the most you will pay, in fen. Bidding "current price + increment" and setting a proxy
 * maximum are the same request; the engine never charges more than needed to lead.
 */
@Schema(examples = """
        {"maxFen": 7819339900}
        """)
public record BidRequest(@Positive long maxFen) {
}
