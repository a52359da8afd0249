package com.goodcar.kit.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a provider signs a callback: HMAC-SHA256 over {@code timestamp + "\n" + nonce + "\n" + body},
 * hex-encoded, sent in the headers below. The body is signed byte for byte as sent, so an altered
 * amount changes the signature; the timestamp and the nonce let the receiver refuse stale and
 * replayed deliveries.
 */
public final class CallbackSignature {

    public static final String TIMESTAMP = "X-Psp-Timestamp";
    public static final String NONCE = "X-Psp-Nonce";
    public static final String SIGNATURE = "X-Psp-Signature";

    private final byte[] secret;

    public CallbackSignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** @param timestamp epoch seconds, as sent */
    public String sign(long timestamp, String nonce, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison, so the check does not leak how much of a forged signature was right. */
    public boolean verify(long timestamp, String nonce, String body, String signature) {
        if (signature == null || nonce == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(timestamp, nonce, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    public static long now(Instant instant) {
        return instant.getEpochSecond();
    }
}
