package com.goodcar.auction.bidding;

import com.goodcar.auction.lot.BidOutcome;
import com.goodcar.kit.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The HTTP answer to one bid, kept so that a retry with the same Idempotency-Key gets it again.
 *
 * @param body an {@link AcceptedBid} or a {@link Problem}
 */
public record BidAnswer(int status, Object body) {

    /**
     * @param leading false when a higher proxy maximum answered at once
     * @param logHash the hash of this bid's entry in the public log: the bidder's receipt, which
     *                VerifyBidLog can check against the published log at any time
     */
    @Schema(examples = """
            {"lotId": "L-2026-0001", "seq": 23733, "bidderCode": "B-7F3A", "maxFen": 7900000000, "priceFen": 7819339900, "leading": true, "minimumNextBidFen": 7819349900, "endsAt": "2026-11-11T04:00:30Z", "logHash": "9f2c1e0b7a4d5c3e8f6a1b2c3d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f"}
            """)
    public record AcceptedBid(String lotId, long seq, String bidderCode, long maxFen, long priceFen, boolean leading,
                              long minimumNextBidFen, Instant endsAt, String logHash) {
    }

    public static BidAnswer accepted(AcceptedBid bid) {
        return new BidAnswer(201, bid);
    }

    public static BidAnswer rejected(String lotId, BidOutcome.Rejected r) {
        Problem problem = switch (r.reason()) {
            case STALE -> Problem.of(409, "outbid", "Outbid",
                    "The price has moved to " + r.priceFen() + " fen; the next bid must be at least "
                            + r.minimumNextFen() + " fen.");
            case BELOW_INCREMENT -> Problem.of(422, "below-increment", "Below the increment",
                    "The next bid must be at least " + r.minimumNextFen() + " fen.");
            case ALREADY_LEADING -> Problem.of(409, "already-leading", "Already leading",
                    "You lead this lot; a new maximum must be above your current one.");
            case ABOVE_MAXIMUM -> Problem.of(422, "above-maximum", "Above the lot's highest price",
                    "A maximum can be at most " + r.maximumAllowedFen() + " fen on this lot.");
            case RAISE_TOO_LARGE -> Problem.of(422, "raise-too-large", "Raise too large",
                    "This lot caps a single raise: the highest maximum allowed now is " + r.maximumAllowedFen()
                            + " fen.");
            case NO_DEPOSIT -> Problem.of(403, "no-deposit", "No deposit",
                    "Place the deposit for this lot before bidding.");
            case NOT_OPEN -> Problem.of(409, "lot-not-open", "Lot not open", "This lot does not take bids yet.");
            case CLOSED -> Problem.of(410, "lot-closed", "Lot closed", "This lot has closed.");
            case CANCELLED -> Problem.of(410, "lot-cancelled", "Lot cancelled", "This lot was cancelled.");
        };
        Problem answer = problem.with(Map.of("lotId", lotId, "priceFen", r.priceFen(),
                "minimumNextBidFen", r.minimumNextFen(), "endsAt", r.endsAt().toString()));
        if (r.reason() == BidOutcome.Reason.ABOVE_MAXIMUM || r.reason() == BidOutcome.Reason.RAISE_TOO_LARGE) {
            answer = answer.with("maximumAllowedFen", r.maximumAllowedFen());
        }
        return new BidAnswer(problem.status(), answer);
    }

    /** The answer as HTTP: problem+json for refusals, with Retry-After when trying again will help. */
    public Response toResponse() {
        var response = Response.status(status).entity(body);
        if (body instanceof Problem) {
            response.type(Problem.MEDIA_TYPE);
            if (status == 503) {
                response.header("Retry-After", 1);
            }
        }
        return response.build();
    }

    /** Whether the writer answered that another instance writes the lot (this one stopped, or lost it). */
    boolean movedAway() {
        return status == 503 && body instanceof Problem problem && problem.type().toString().endsWith("/lot-elsewhere");
    }

    /** The lot is changing hands: another instance writes it, or will in a moment. */
    static BidAnswer elsewhere(String detail) {
        return new BidAnswer(503, Problem.of(503, "lot-elsewhere", "Lot served elsewhere", detail).with("retryAfterSeconds", 1));
    }

    static BidAnswer unavailable(String detail) {
        return new BidAnswer(503, Problem.of(503, "try-again", "Try again", detail).with("retryAfterSeconds", 1));
    }
}
