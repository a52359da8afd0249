package com.goodcar.auction.lot;

/** scheduled → open → sold | unsold, or cancelled before it closed. SOLD and UNSOLD are the closed states. */
public enum LotStatus {
    SCHEDULED, OPEN, SOLD, UNSOLD, CANCELLED;

    public boolean isFinal() {
        return this == SOLD || this == UNSOLD || this == CANCELLED;
    }
}
