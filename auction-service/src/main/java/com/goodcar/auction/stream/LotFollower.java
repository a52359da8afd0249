package com.goodcar.auction.stream;

import com.goodcar.auction.bidding.Lots;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Watchers of a lot that another instance writes are served here too, from the committed row, read
 * once per interval for all of them (never per watcher): any replica can take any watcher, and the
 * owner's CPU goes to its bidders. The owner's own watchers hear each commit directly.
 */
@ApplicationScoped
public class LotFollower {

    private static final Logger LOG = Logger.getLogger(LotFollower.class);

    private final LotStream stream;
    private final Lots lots;

    LotFollower(LotStream stream, Lots lots) {
        this.stream = stream;
        this.lots = lots;
    }

    @Scheduled(identity = "lot-follower", every = "${auction.stream.follow-every:PT0.2S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> follow() {
        var followed = stream.watched().stream().filter(lot -> !lots.writtenHere(lot)).toList();
        if (followed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(followed)
                .onItem().transformToUniAndMerge(lot -> lots.view(lot)
                        .invoke(stream::follow)
                        .onFailure().invoke(failure -> LOG.debugf("lot %s: cannot follow: %s", lot, failure.toString()))
                        .onFailure().recoverWithNull())
                .collect().last().replaceWithVoid();
    }
}
