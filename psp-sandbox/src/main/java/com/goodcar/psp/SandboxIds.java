package com.goodcar.psp;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The sandbox provider's own ids, and the shape it accepts for a merchant's ids. */
final class SandboxIds {

    static final String MERCHANT_ID = "^[A-Za-z0-9_.:-]{1,64}$";
    static final String MERCHANT_ID_RULE = "must be 1-64 characters of A-Z a-z 0-9 _ . : -";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SandboxIds() {
    }

    /** Unguessable, because the pay page is reachable by its id alone. */
    static String payment() {
        return "sbxpay_" + random(16);
    }

    static String refund() {
        return "sbxrfd_" + random(12);
    }

    static String nonce() {
        return random(16);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
