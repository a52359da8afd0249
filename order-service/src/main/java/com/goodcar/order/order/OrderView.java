package com.goodcar.order.order;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order as its buyer (or an operator) sees it. */
@Schema(examples = """
        {"id": "ord-3f1c9e2a-7b4d-4e8f-a6c5-1d2b3e4f5a60", "kind": "AUCTION_WIN", "lotId": "7d0c1e0a-5b7e-4c1f-9f3a-2a1b3c4d5e6f", "state": "AWAITING_PAYMENT", "priceFen": 7819339900, "depositFen": 10000, "amountDueFen": 7819329900, "confirmBy": "2026-10-23T06:03:30Z", "payBy": "2026-10-22T07:10:00Z", "createdAt": "2026-10-22T06:03:31Z", "updatedAt": "2026-10-22T06:40:00Z"}
        """)
public record OrderView(String id, OrderKind kind, String lotId, String saleId, OrderState state, long priceFen, long depositFen, long amountDueFen,
                        Instant confirmBy, Instant payBy, Instant createdAt, Instant updatedAt) {

    public static OrderView of(Order order) {
        return new OrderView(order.id(), order.kind(), order.lotId(), order.saleId(), order.state(), order.priceFen(), order.depositFen(),
                order.amountDueFen(), order.confirmBy(), order.payBy(), order.createdAt(), order.updatedAt());
    }
}
