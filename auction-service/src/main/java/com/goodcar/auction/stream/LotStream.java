package com.goodcar.auction.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.goodcar.auction.bidding.LotView;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fans a lot's committed states out to its watchers. Conflated twice: at the source, a lot sends
 * at most one state per tick (the newest), serialised once for all its watchers — with 10,000
 * watchers, per-commit, per-watcher JSON would cost more than the auction itself; and per watcher,
 * one that reads slower than the ticks skips to the newest state instead of queueing old ones.
 */
@ApplicationScoped
public class LotStream {

    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final ConcurrentHashMap<String, Hub> hubs = new ConcurrentHashMap<>();
    private final ObjectMapper json;
    private final Vertx vertx;
    private final long tickMillis;

    LotStream(ObjectMapper json, Vertx vertx, @ConfigProperty(name = "auction.stream.tick") Duration tick) {
        this.json = json;
        this.vertx = vertx;
        this.tickMillis = Math.max(1, tick.toMillis());
    }

    /** One lot's watchers: the newest state the writer committed, and what was last sent. */
    private final class Hub {
        final BroadcastProcessor<String> out = BroadcastProcessor.create();
        final AtomicReference<LotView> latest = new AtomicReference<>();
        LotView sent;

        void tick() {
            LotView view = latest.get();
            if (view != null && view != sent) {
                sent = view;
                out.onNext(serialise(view));
            }
        }
    }

    /** Called by the lot's writer after each commit: cheap, whatever the number of watchers. */
    public void publish(LotView view) {
        var hub = hubs.get(view.id());
        if (hub != null) {
            hub.latest.set(view);
        }
    }

    /** The current state at once, then the newest state each tick it changed; again on each heartbeat. */
    public Multi<String> watch(String lotId, Supplier<LotView> current) {
        var hub = hubs.computeIfAbsent(lotId, id -> {
            var created = new Hub();
            vertx.setPeriodic(tickMillis, timer -> created.tick());
            return created;
        });
        // the hub's newest state when it has one: the supplier's writer may have stopped and been replaced
        Multi<String> heartbeat = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> serialise(hub.latest.get() != null ? hub.latest.get() : current.get()));
        return Multi.createBy().merging().streams(Multi.createFrom().item(() -> serialise(current.get())), hub.out,
                        heartbeat)
                .onOverflow().dropPreviousItems();
    }

    private String serialise(LotView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the lot view", e);
        }
    }
}
