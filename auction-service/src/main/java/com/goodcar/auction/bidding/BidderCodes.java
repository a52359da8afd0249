package com.goodcar.auction.bidding;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The anonymous code a bidder shows on one lot: an HMAC of the user id keyed by the lot's secret
 * salt. Stable on the lot, unlinkable across lots; 60 bits, so a collision among even 100,000
 * bidders of one lot has a chance of about 1 in 200 million.
 */
public final class BidderCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private final Mac mac;

    public BidderCodes(String salt) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** Not thread-safe: the lot's writer is its only user. */
    public String of(String userId) {
        byte[] digest = mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        var code = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            code.append(ALPHABET[(int) (bits >>> 59)]);
            bits <<= 5;
        }
        return code.toString();
    }
}
