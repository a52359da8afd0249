package com.goodcar.auction.bidding;

import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The lots this instance writes. A lot's writer starts on first use (claiming the lot), and for
 * every lot whose end is due, so a lot closes at its true end even after a restart.
 */
@ApplicationScoped
public class LotWriters {

    private static final Logger LOG = Logger.getLogger(LotWriters.class);

    private final ConcurrentHashMap<String, LotWriter> writers = new ConcurrentHashMap<>();
    private final LotStore store;
    private final Pool pool;
    private final Clock clock;
    private final LotFeed feed;
    private final LotWriter.Settings settings;
    private volatile boolean stopping;

    LotWriters(LotStore store, Pool pool, Clock clock, LotFeed feed,
               @ConfigProperty(name = "auction.instance-id") String instance,
               @ConfigProperty(name = "auction.instance-url") String url,
               @ConfigProperty(name = "auction.writer.lease") Duration lease,
               @ConfigProperty(name = "auction.writer.max-batch") int maxBatch,
               @ConfigProperty(name = "auction.writer.queue-capacity") int queueCapacity,
               @ConfigProperty(name = "auction.writer.idle-stop") Duration idleStop) {
        this.store = store;
        this.pool = pool;
        this.clock = clock;
        this.feed = feed;
        this.settings = new LotWriter.Settings(instance, url, lease, maxBatch, queueCapacity, idleStop);
    }

    /** Cancels the lot unless it has closed; true when it is cancelled now. */
    public Uni<Boolean> cancel(String lotId) {
        return writerFor(lotId).chain(writer -> Uni.createFrom().completionStage(writer.cancel()));
    }

    /** Tells the lot's writer, if this instance runs it, that a bidder's hold changed. */
    public void holdChanged(String lotId, String userId, boolean active) {
        LotWriter writer = running(lotId);
        if (writer != null) {
            writer.holdChanged(userId, active);
        }
    }

    /** Stops this instance's writer of the lot, if it runs one: after another path took the lot over. */
    public void stopLocal(String lotId) {
        LotWriter writer = writers.remove(lotId);
        if (writer != null) {
            writer.stop();
        }
    }

    /** The lot's running writer; fails with 404 for an unknown lot, 503 if another instance writes it. */
    Uni<LotWriter> writerFor(String lotId) {
        LotWriter running = writers.get(lotId);
        if (running != null && running.isRunning()) {
            return Uni.createFrom().item(running);
        }
        return Uni.createFrom().item(() -> obtain(lotId)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Where the instance writing the lot listens, if it is another one under a live lease. */
    Uni<Optional<String>> ownerElsewhere(String lotId) {
        return store.ownerElsewhere(lotId, settings.instance());
    }

    /** The writer if this instance runs one for the lot now, else null: for reads that need not start one. */
    LotWriter running(String lotId) {
        LotWriter writer = writers.get(lotId);
        return writer != null && writer.isRunning() ? writer : null;
    }

    private synchronized LotWriter obtain(String lotId) {
        LotWriter existing = writers.get(lotId);
        if (existing != null && existing.isRunning()) {
            return existing;
        }
        if (stopping) {
            // a lease given up on the way out is not claimed back: the bid goes to whoever takes the lot
            throw servedElsewhere("This instance is stopping; retry shortly.");
        }
        var self = new AtomicReference<LotWriter>();
        LotWriter writer = LotWriter.claim(lotId, store, clock, settings, feed::publish,
                () -> writers.remove(lotId, self.get()));
        if (writer == null) {
            if (!store.exists(lotId)) {
                throw ProblemException.notFound("Lot", lotId);
            }
            throw servedElsewhere("Another instance writes this lot; retry shortly.");
        }
        self.set(writer);
        // registered before it reads its holders: a hold committed from now on reaches it
        writers.put(lotId, writer);
        try {
            writer.start();
        } catch (RuntimeException e) {
            writers.remove(lotId, writer);
            throw e;
        }
        return writer;
    }

    /** Starts the writer of every lot whose end is due, so it closes on time. */
    @Scheduled(identity = "lot-closer", every = "${auction.close-scan:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void startDueWriters() {
        if (stopping) {
            return; // the pool is closing; the next owner closes the lot
        }
        List<String> due = pool.preparedQuery("""
                        select id from lot where status in ('SCHEDULED', 'OPEN')
                        and ends_at <= now() + interval '2 seconds'""")
                .execute().map(rows -> {
                    var ids = new java.util.ArrayList<String>();
                    rows.forEach(row -> ids.add(row.getString(0)));
                    return ids;
                }).await().atMost(LotStore.IO_TIMEOUT);
        for (String lotId : due) {
            if (running(lotId) == null) {
                try {
                    obtain(lotId);
                } catch (ProblemException e) {
                    LOG.debugf("lot %s is due but %s", lotId, e.getMessage());
                }
            }
        }
    }

    /** On SIGTERM: every writer ends its batch and gives its lease up, so the other replicas take over at once. */
    void stopAll(@Observes ShutdownEvent shutdown) {
        synchronized (this) {
            stopping = true;
        }
        var running = List.copyOf(writers.values());
        running.forEach(LotWriter::stop);
        running.forEach(writer -> writer.awaitStopped(Duration.ofSeconds(3)));
        if (!running.isEmpty()) {
            LOG.infof("stopped %d lot writers, their leases given up", running.size());
        }
    }

    private static ProblemException servedElsewhere(String detail) {
        return new ProblemException(Problem.of(503, "lot-elsewhere", "Lot served elsewhere", detail)
                .with("retryAfterSeconds", 1));
    }
}
