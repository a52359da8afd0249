package com.goodcar.auction.bidding;

import com.goodcar.auction.log.LogEntry;

/** An accepted bid as stored: the log entry plus who placed it and with which key. */
public record BidRow(LogEntry entry, String bidderId, String idempotencyKey) {
}
