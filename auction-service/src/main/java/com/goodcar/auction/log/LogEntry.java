package com.goodcar.auction.log;

import java.time.Instant;

/**
 * One accepted bid in the public log. Each entry carries the hash of the one before, so removing,
 * reordering or inserting an entry afterwards breaks every later hash.
 *
 * <p>A proxy maximum is private while the lot runs: the entry commits to it by {@code maxDigest}
 * and {@code maxFen} is null; once the lot closes the maxima and the lot's salt are published, so
 * anyone can check each digest and replay the auction to its final price.
 */
public record LogEntry(long seq, String lotId, Instant at, String bidderCode, String maxDigest, Long maxFen,
                       long priceFen, String leaderCode, Instant endsAt, String prevHash, String hash) {

    public LogEntry withoutMaximum() {
        return new LogEntry(seq, lotId, at, bidderCode, maxDigest, null, priceFen, leaderCode, endsAt, prevHash, hash);
    }
}
