package com.goodcar.order.order;

/** Where an order stands; EXPIRED and CANCELLED are final, PAID goes on to delivery. */
public enum OrderState {
    AWAITING_CONFIRMATION, AWAITING_PAYMENT, PAID, EXPIRED, CANCELLED;

    public boolean waitsForBuyer() {
        return this == AWAITING_CONFIRMATION || this == AWAITING_PAYMENT;
    }
}
