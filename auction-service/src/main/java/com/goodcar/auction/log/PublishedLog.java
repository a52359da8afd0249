package com.goodcar.auction.log;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of the log. The rules needed to replay it are published with it; {@code salt} and
 * {@code reservePriceFen} only once the lot is final.
 */
@Schema(examples = """
        {"lotId": "lot-7", "status": "SOLD", "genesis": "a1c3e5f7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3", "opensAt": "2026-10-22T02:00:00Z", "scheduledEndsAt": "2026-10-22T06:00:00Z", "startPriceFen": 100, "reservePriceFen": 0, "ladder": "0:100,100000:1000,10000000:10000", "softCloseSeconds": 300, "maxPriceFen": 100000000000, "maxRaiseFen": 449000, "salt": "5f1e9c2a7b3d4e6f8a0b1c2d3e4f5a6b", "entries": [{"seq": 1, "lotId": "lot-7", "at": "2026-10-22T02:00:01.250Z", "bidderCode": "K7M2Q9XW4HPA", "maxDigest": "3b8e5a1c7d9f0e2b4a6c8d0f1e3b5a7c9d1f3e5b7a9c1d3f5e7b9a1c3d5f7e9b", "maxFen": 70000, "priceFen": 100, "leaderCode": "K7M2Q9XW4HPA", "endsAt": "2026-10-22T06:00:00Z", "prevHash": "a1c3e5f7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3", "hash": "9f2c1d0e8b7a6f5e4d3c2b1a09f8e7d6c5b4a3928170f6e5d4c3b2a1908f7e6d"}], "next": null}
        """)
public record PublishedLog(String lotId, String status, String genesis, Instant opensAt, Instant scheduledEndsAt,
                           long startPriceFen, Long reservePriceFen, String ladder, long softCloseSeconds,
                           Long maxPriceFen, Long maxRaiseFen, String salt, List<LogEntry> entries, Long next) {
}
