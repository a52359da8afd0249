package com.goodcar.psp;

import java.time.Instant;
import java.util.Map;

/**
 * One delivery attempt of a callback: what was sent and what came back.
 *
 * @param status the merchant's HTTP status; null when nothing answered (see {@code error})
 * @param answer the start of the merchant's response body
 */
public record DeliveryView(int attempt, Instant sentAt, String url, Map<String, String> headers, String body,
                           Integer status, String error, String answer, int tookMs) {
}
