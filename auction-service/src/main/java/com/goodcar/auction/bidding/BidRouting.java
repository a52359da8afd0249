package com.goodcar.auction.bidding;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a bid is written: by this instance's writer of the lot, or by the instance holding the
 * lot's lease, forwarded there. While a lot changes hands (its owner stopping or dead, the lease
 * given up a moment ago) the bid is tried again for up to {@code handover}, with the same key so it
 * is never written twice, rather than a 503 passed to the client at once: a rolling update is
 * invisible to bidders, and a dead owner's lease costs them only its remaining time.
 */
@ApplicationScoped
class BidRouting {

    private static final Duration PAUSE = Duration.ofMillis(100);

    private final LotWriters writers;
    private final OwnerForwarding forwarding;
    private final Clock clock;
    private final Duration handover;

    /** One bid as it reached this instance; the headers carry the bearer token and trace on. */
    record Placement(String lotId, String bidderId, long maxFen, String key, HttpHeaders headers) {
    }

    BidRouting(LotWriters writers, OwnerForwarding forwarding, Clock clock,
               @ConfigProperty(name = "auction.forward.handover-wait") Duration handover) {
        this.writers = writers;
        this.forwarding = forwarding;
        this.clock = clock;
        this.handover = handover;
    }

    Uni<Response> place(Placement bid) {
        // a bid forwarded here is written here or refused "elsewhere": the instance that forwarded it retries
        Instant deadline = OwnerForwarding.mayForward(bid.headers()) ? clock.instant().plus(handover) : null;
        LotWriter running = writers.running(bid.lotId());
        if (running != null) {
            return written(running, bid, deadline);
        }
        if (deadline == null) {
            return writers.writerFor(bid.lotId()).chain(writer -> written(writer, bid, null));
        }
        Optional<String> known = forwarding.knownOwner(bid.lotId());
        return known.isPresent() ? forwarded(bid, known.get(), deadline) : hereOrAtOwner(bid, deadline);
    }

    /** Written here if this instance holds or can claim the lot, else sent to the instance that holds it. */
    private Uni<Response> hereOrAtOwner(Placement bid, Instant deadline) {
        return writers.writerFor(bid.lotId()).chain(writer -> written(writer, bid, deadline))
                .onFailure(OwnerForwarding::servedElsewhere)
                .recoverWithUni(elsewhere -> forwarding.lookUp(bid.lotId()).chain(owner -> owner.isPresent()
                        ? forwarded(bid, owner.get(), deadline)
                        : again(bid, deadline, Uni.createFrom().failure(elsewhere))));
    }

    private Uni<Response> written(LotWriter writer, Placement bid, Instant deadline) {
        CompletableFuture<BidAnswer> answer = writer.place(bid.bidderId(), bid.maxFen(), bid.key());
        if (answer.isDone() && !answer.isCompletedExceptionally()) {
            // refused on the spot from the committed state, as most bids of a rush are: no hop
            return settled(answer.join(), bid, deadline);
        }
        return Uni.createFrom().completionStage(answer).chain(answered -> settled(answered, bid, deadline));
    }

    private Uni<Response> settled(BidAnswer answer, Placement bid, Instant deadline) {
        Uni<Response> response = Uni.createFrom().item(answer.toResponse());
        return answer.movedAway() ? again(bid, deadline, response) : response;
    }

    private Uni<Response> forwarded(Placement bid, String owner, Instant deadline) {
        return forwarding.bid(owner, bid.lotId(), bid.headers(), bid.key(), bid.maxFen()).chain(answer -> {
            Uni<Response> response = Uni.createFrom().item(answer.response());
            return answer.ownerGone() ? again(bid, deadline, response) : response;
        });
    }

    /** The lot is changing hands: tried again after a pause until the deadline, then {@code giveUp} stands. */
    private Uni<Response> again(Placement bid, Instant deadline, Uni<Response> giveUp) {
        if (deadline == null || clock.instant().plus(PAUSE).isAfter(deadline)) {
            return giveUp;
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(PAUSE).chain(() -> hereOrAtOwner(bid, deadline));
    }
}
