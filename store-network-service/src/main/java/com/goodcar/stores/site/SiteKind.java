package com.goodcar.stores.site;

/** The retailer's own store, or a partner's outlet (run by its dealer through the partner API). */
public enum SiteKind {
    STORE,
    OUTLET
}
