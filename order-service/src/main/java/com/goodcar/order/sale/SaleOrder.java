package com.goodcar.order.sale;

import com.goodcar.order.order.Order;
import com.goodcar.order.order.OrderView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One order of a sale as an operator sees it: the order, its buyer, its unit and when the unit came back. */
@Schema(examples = """
        {"order": {"id": "ord-5b8e2c1a-4f3d-4a6b-9c7e-0d1f2a3b4c5d", "kind": "SALE", "saleId": "sale-2f9c4e1b-8a7d-4c3e-b6f5-1a2b3c4d5e6f", "state": "AWAITING_PAYMENT", "priceFen": 11990000, "depositFen": 0, "amountDueFen": 11990000, "payBy": "2026-11-11T00:15:00.120Z", "createdAt": "2026-11-11T00:00:00.120Z", "updatedAt": "2026-11-11T00:00:00.120Z"}, "buyerId": "2f6d3a8e-5b1c-4e7a-9d0f-8c4b2a1e6f35", "unitNo": 17}
        """)
public record SaleOrder(OrderView order, String buyerId, Integer unitNo, Instant unitReturnedAt) {

    static SaleOrder of(Order order, Integer unitNo, Instant returnedAt) {
        return new SaleOrder(OrderView.of(order), order.userId(), unitNo, returnedAt);
    }
}
