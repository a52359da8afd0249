package com.goodcar.order.order;

/**
 * Where an order stands: awaited of its buyer (confirm, pay), paid and on to delivery, or ended
 * (EXPIRED, CANCELLED, DECLINED — a second-chance offer the runner-up turned down — and DELIVERED
 * are final).
 */
public enum OrderState {
    AWAITING_CONFIRMATION, AWAITING_PAYMENT, PAID, HANDED_OVER, DELIVERED, EXPIRED, CANCELLED, DECLINED;

    public boolean waitsForBuyer() {
        return this == AWAITING_CONFIRMATION || this == AWAITING_PAYMENT;
    }
}
