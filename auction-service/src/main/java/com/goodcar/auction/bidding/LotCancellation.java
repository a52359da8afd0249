package com.goodcar.auction.bidding;

import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * An operator's cancel, on whichever replica it reached: done by this instance's writer of the
 * lot, or sent on to the instance that writes it (the owner's answer relayed as it is).
 */
@ApplicationScoped
public class LotCancellation {

    private final LotWriters writers;
    private final Lots lots;
    private final OwnerForwarding forwarding;

    LotCancellation(LotWriters writers, Lots lots, OwnerForwarding forwarding) {
        this.writers = writers;
        this.lots = lots;
        this.forwarding = forwarding;
    }

    /** 200 with the cancelled lot; 409 {@code not-cancellable} once it has closed. */
    public Uni<Response> cancel(String lotId, HttpHeaders headers) {
        Uni<Response> here = writers.cancel(lotId).chain(cancelled -> {
            if (!cancelled) {
                throw ProblemException.conflict("not-cancellable", "Cannot cancel", "Lot " + lotId + " has already closed.");
            }
            return lots.view(lotId).map(view -> Response.ok(view).build());
        });
        if (!OwnerForwarding.mayForward(headers)) {
            return here;
        }
        return here.onFailure(OwnerForwarding::servedElsewhere).recoverWithUni(elsewhere -> forwarding.lookUp(lotId)
                .chain(owner -> owner.isEmpty() ? Uni.createFrom().failure(elsewhere)
                        : forwarding.cancel(owner.get(), lotId, headers).map(OwnerForwarding.Forwarded::response)));
    }
}
