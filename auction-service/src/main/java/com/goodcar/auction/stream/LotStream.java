package com.goodcar.auction.stream;

import com.goodcar.auction.bidding.LotView;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Fans a lot's committed states out to its watchers. Each watcher is conflated: when it reads
 * slower than the lot changes, it skips to the newest state instead of queueing the old ones.
 */
@ApplicationScoped
public class LotStream {

    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private final ConcurrentHashMap<String, BroadcastProcessor<LotView>> hubs = new ConcurrentHashMap<>();

    /** Called by the lot's writer after each commit. */
    public void publish(LotView view) {
        var hub = hubs.get(view.id());
        if (hub != null) {
            hub.onNext(view);
        }
    }

    /** The current state at once, then every change; the current state again on each heartbeat. */
    public Multi<LotView> watch(String lotId, Supplier<LotView> current) {
        var hub = hubs.computeIfAbsent(lotId, id -> BroadcastProcessor.create());
        Multi<LotView> heartbeat = Multi.createFrom().ticks().every(HEARTBEAT).map(tick -> current.get());
        return Multi.createBy().merging().streams(Multi.createFrom().item(current), hub, heartbeat)
                .onOverflow().dropPreviousItems();
    }
}
