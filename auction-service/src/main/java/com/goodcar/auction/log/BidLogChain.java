package com.goodcar.auction.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The hashing rules of the bid log, version 1. The verifier and the writer share them. */
public final class BidLogChain {

    private BidLogChain() {
    }

    /** The "previous hash" of a lot's first entry. */
    public static String genesis(String lotId) {
        return sha256("goodcar/bid-log/v1/" + lotId);
    }

    public static String maxDigest(String salt, long seq, long maxFen) {
        return sha256(salt + "|" + seq + "|" + maxFen);
    }

    public static LogEntry append(String prevHash, long seq, String lotId, Instant at, String bidderCode,
                                  String salt, long maxFen, long priceFen, String leaderCode, Instant endsAt) {
        String digest = maxDigest(salt, seq, maxFen);
        String hash = entryHash(prevHash, seq, lotId, at, bidderCode, digest, priceFen, leaderCode, endsAt);
        return new LogEntry(seq, lotId, at, bidderCode, digest, maxFen, priceFen, leaderCode, endsAt, prevHash, hash);
    }

    public static String entryHash(LogEntry e) {
        return entryHash(e.prevHash(), e.seq(), e.lotId(), e.at(), e.bidderCode(), e.maxDigest(), e.priceFen(),
                e.leaderCode(), e.endsAt());
    }

    private static String entryHash(String prevHash, long seq, String lotId, Instant at, String bidderCode,
                                    String maxDigest, long priceFen, String leaderCode, Instant endsAt) {
        return sha256(String.join("|", prevHash, Long.toString(seq), lotId, at.toString(), bidderCode, maxDigest,
                Long.toString(priceFen), leaderCode, endsAt.toString()));
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
