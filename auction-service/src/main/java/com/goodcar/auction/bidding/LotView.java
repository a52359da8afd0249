package com.goodcar.auction.bidding;

import com.goodcar.auction.lot.Lot;
import com.goodcar.auction.lot.LotStatus;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What anyone may see of a lot: never a user id, never a proxy maximum, never the reserve itself.
 *
 * @param endsAt the true end, soft close included
 * @param maxRaiseFen the lot's cap on a single raise, 0 for none: a rule bidders see before they bid
 * @param maximumAllowedFen the highest maximum a bid may name now
 * @param asOf when this state was computed: a watcher's staleness is its arrival time minus this
 */
@Schema(examples = """
        {"id": "L-2026-0001", "editionCode": "AION-UT-SUPER-STD", "title": "AION UT Super, 1-yuan auction", "status": "OPEN", "priceFen": 7819339900, "minimumNextBidFen": 7819349900, "leaderCode": "B-7F3A", "bidCount": 23733, "lastSeq": 23733, "opensAt": "2026-11-11T00:00:00Z", "endsAt": "2026-11-11T04:00:30Z", "startPriceFen": 100, "depositFen": 10000, "maxPriceFen": 10000000000, "maxRaiseFen": 0, "maximumAllowedFen": 10000000000, "reserveMet": true, "secondChance": true, "asOf": "2026-11-11T03:59:58.200Z"}
        """)
public record LotView(String id, String editionCode, String title, LotStatus status, long priceFen,
                      long minimumNextBidFen, String leaderCode, long bidCount, long lastSeq, Instant opensAt,
                      Instant endsAt, long startPriceFen, long depositFen, long maxPriceFen, long maxRaiseFen,
                      long maximumAllowedFen, boolean reserveMet, boolean secondChance, Instant asOf) {

    static LotView of(LotRecord record, String leaderCode, Instant now) {
        Lot lot = record.lot();
        return new LotView(lot.id(), lot.editionCode(), record.title(), lot.statusAt(now), lot.priceFen(),
                lot.minimumNextBidFen(), leaderCode, lot.bidCount(), lot.lastSeq(), lot.opensAt(), lot.endsAt(),
                lot.rules().startPriceFen(), lot.rules().depositFen(), lot.rules().maxPriceFen(),
                lot.rules().maxRaiseFen(), lot.maximumAllowedFen(), lot.leader() != null && lot.priceFen() >= lot.rules().reservePriceFen(),
                record.secondChance(), now);
    }

    /** The same state, as of the instant its writer decided it rather than this read. */
    LotView decidedAt(Instant decided) {
        return new LotView(id, editionCode, title, status, priceFen, minimumNextBidFen, leaderCode, bidCount, lastSeq,
                opensAt, endsAt, startPriceFen, depositFen, maxPriceFen, maxRaiseFen, maximumAllowedFen, reserveMet,
                secondChance, decided);
    }

    /** Whether time alone (opening, the end) has changed what this view should say. */
    boolean statusChangedBy(Instant now) {
        if (status.isFinal()) {
            return false;
        }
        LotStatus expected = now.isBefore(opensAt) ? LotStatus.SCHEDULED
                : now.isBefore(endsAt) ? LotStatus.OPEN : null;
        return expected != status;
    }
}
