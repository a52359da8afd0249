package com.goodcar.auction.bidding;

import com.goodcar.auction.lot.Lot;
import java.time.Instant;

/**
 * A lot as its writer holds it: the domain state plus what makes its log and its ownership.
 *
 * @param epoch the fencing token this writer's commits must match
 * @param scheduledEndsAt the end before soft close moved it: where a replay of the log starts
 * @param secondChance the lot's runner-up rule (its close names the runner-up, whose hold is kept)
 */
public record LotRecord(Lot lot, String title, String lastHash, String salt, long epoch, Instant closedAt,
                        Instant scheduledEndsAt, boolean secondChance) {
}
