package com.goodcar.deposit.deposit;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A deposit as buyers and operators see it: paymentId once paid (HELD onwards), orderId once an order settled it (APPLIED, FORFEITED). */
@Schema(examples = """
        {"id": "dep-5e0c7b2a-91d4-4c3f-8a6e-2b7d9f1c4a08", "lotId": "lot-3b2f9c1e-7a4d-4f0b-9e85-1c6d2a7b8e90", "userId": "2f6d3a8e-5b1c-4e7a-9d0f-8c4b2a1e6f35", "amountFen": 10000, "state": "HELD", "paymentId": "pay-8d1f4e6b-2c9a-4b7e-a3d5-6f0e9c2b1a74", "createdAt": "2026-11-11T00:02:13.481Z", "updatedAt": "2026-11-11T00:03:02.117Z"}
        """)
public record Deposit(String id, String lotId, String userId, long amountFen, DepositState state, String paymentId, String orderId,
                      Instant createdAt, Instant updatedAt) {

    public static Deposit of(Row row) {
        return new Deposit(row.getString("id"), row.getString("lot_id"), row.getString("user_id"),
                row.getLong("amount_fen"), DepositState.valueOf(row.getString("state")), row.getString("payment_id"), row.getString("order_id"),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }
}
