package com.goodcar.stores.aftersales;

public enum CaseState {
    OPEN,
    ANSWERED,
    REPAIR_BOOKED,
    CLOSED
}
