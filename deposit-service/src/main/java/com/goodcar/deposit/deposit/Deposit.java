package com.goodcar.deposit.deposit;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;

/** A deposit as buyers and operators see it. */
public record Deposit(String id, String lotId, String userId, long amountFen, DepositState state, String paymentId, String orderId,
                      Instant createdAt, Instant updatedAt) {

    public static Deposit of(Row row) {
        return new Deposit(row.getString("id"), row.getString("lot_id"), row.getString("user_id"),
                row.getLong("amount_fen"), DepositState.valueOf(row.getString("state")), row.getString("payment_id"), row.getString("order_id"),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }
}
