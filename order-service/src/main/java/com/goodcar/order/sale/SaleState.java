package com.goodcar.order.sale;

/** Where a sale stands for a buyer: not yet open, open with units left, or none left (units may come back). */
public enum SaleState {
    SCHEDULED, ON_SALE, SOLD_OUT
}
