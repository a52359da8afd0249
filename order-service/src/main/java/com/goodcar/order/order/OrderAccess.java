package com.goodcar.order.order;

import com.goodcar.kit.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/** Who may see an order (its buyer, an operator) and who may act on it (its buyer only). */
public final class OrderAccess {

    private OrderAccess() {
    }

    /** The order if the caller may read it; otherwise a 404, as if it did not exist. */
    public static Order visible(Order order, String id, SecurityIdentity caller) {
        if (order == null || !caller.hasRole("operator") && !ownedBy(order, caller)) {
            throw ProblemException.notFound("Order", id);
        }
        return order;
    }

    /** The order if the caller is its buyer (an operator reads orders, never confirms, pays or cancels them). */
    public static Order owned(Order order, String id, SecurityIdentity caller) {
        if (order == null || !ownedBy(order, caller)) {
            throw ProblemException.notFound("Order", id);
        }
        return order;
    }

    private static boolean ownedBy(Order order, SecurityIdentity caller) {
        return order.userId().equals(caller.getPrincipal().getName());
    }
}
