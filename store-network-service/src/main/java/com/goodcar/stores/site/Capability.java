package com.goodcar.stores.site;

/** What a site does; each is booked by the slot ("buy - install - maintain - use - exchange"). */
public enum Capability {
    VEHICLE_HANDOVER,
    HOME_CHARGER_INSTALLATION,
    MAINTENANCE,
    /** CATL "chocolate" battery swap, 99 s per swap. */
    BATTERY_SWAP,
    TRADE_IN_APPRAISAL
}
