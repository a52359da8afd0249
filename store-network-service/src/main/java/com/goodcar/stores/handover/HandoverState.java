package com.goodcar.stores.handover;

/** A paid car's way to its buyer. */
public enum HandoverState {
    /** A handover booking holds a slot at a site. */
    SCHEDULED,
    /** No site could take the car (see the reason): listed for an operator, who assigns one. */
    UNASSIGNED,
    DELIVERED,
    /** The order was cancelled: its slot was given back. */
    WITHDRAWN
}
