package com.goodcar.stores.aftersales;

/** Who answers a case: the seed's open question of selling cars online, settled by rule. */
public enum Responsible {
    MANUFACTURER,
    PLATFORM,
    OUTLET
}
