package com.goodcar.stores.aftersales;

/** What went wrong with a delivered car. */
public enum CaseKind {
    /** The car itself: the manufacturer's warranty answers. */
    QUALITY_DEFECT,
    /** Damage on the way to the buyer: the platform answers for its delivery. */
    DELIVERY_DAMAGE,
    /** A job a site did (installation, maintenance, swap): the site's operator answers. */
    WORKMANSHIP
}
