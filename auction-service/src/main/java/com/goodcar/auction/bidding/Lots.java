package com.goodcar.auction.bidding;

import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Reads of a lot's public state: from its writer when this instance runs it, else from the database. */
@ApplicationScoped
public class Lots {

    private final LotWriters writers;
    private final LotStore store;
    private final Clock clock;

    Lots(LotWriters writers, LotStore store, Clock clock) {
        this.writers = writers;
        this.store = store;
        this.clock = clock;
    }

    /** Whether this instance writes the lot now (its watchers then hear every commit directly). */
    public boolean writtenHere(String lotId) {
        return writers.running(lotId) != null;
    }

    public Uni<LotView> view(String lotId) {
        LotWriter writer = writers.running(lotId);
        if (writer != null) {
            return Uni.createFrom().item(writer.view());
        }
        return store.find(lotId).map(found -> {
            var record = found.orElseThrow(() -> ProblemException.notFound("Lot", lotId));
            String leaderCode = record.lot().leader() == null ? null
                    : new BidderCodes(record.salt()).of(record.lot().leader().bidderId());
            return LotView.of(record, leaderCode, clock.instant());
        });
    }

    /**
     * The committed state for watchers of a lot another instance writes, its {@code asOf} the instant
     * its writer decided the last bid: a watcher's staleness then counts the follow interval too.
     */
    public Uni<LotView> followed(String lotId) {
        return view(lotId).chain(view -> view.lastSeq() == 0 || writtenHere(lotId) ? Uni.createFrom().item(view)
                : store.bidAt(lotId, view.lastSeq()).map(at -> at.map(view::decidedAt).orElse(view)));
    }

    /** The salt, published once the lot is final so anyone can check the maxima's digests. */
    public Uni<LotRecord> record(String lotId) {
        return store.find(lotId).map(found -> found.orElseThrow(() -> ProblemException.notFound("Lot", lotId)));
    }
}
