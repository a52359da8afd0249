package com.goodcar.auction.stream;

import com.goodcar.auction.bidding.Lots;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    private final AtomicBoolean reading = new AtomicBoolean();
    private Vertx vertx;
    private long timer = -1;

    LotFollower(LotStream stream, Lots lots) {
        this.stream = stream;
        this.lots = lots;
    }

    /** On a Vert.x timer: Quarkus' scheduler runs nothing more often than once a second. */
    void start(@Observes StartupEvent startup, Vertx vertx,
               @ConfigProperty(name = "auction.stream.follow-every") Duration every) {
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(every.toMillis(), id -> {
            if (reading.compareAndSet(false, true)) { // the last read is still on its way: skip this tick
                follow().eventually(() -> reading.set(false)).subscribe().with(done -> { }, failure -> { });
            }
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    Uni<Void> follow() {
        var followed = stream.watched().stream().filter(lot -> !lots.writtenHere(lot)).toList();
        if (followed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(followed)
                .onItem().transformToUniAndMerge(lot -> lots.followed(lot)
                        .invoke(stream::follow)
                        .onFailure().invoke(failure -> LOG.debugf("lot %s: cannot follow: %s", lot, failure.toString()))
                        .onFailure().recoverWithNull())
                .collect().last().replaceWithVoid();
    }
}
