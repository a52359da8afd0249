package com.goodcar.auction.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.goodcar.auction.bidding.LotFeed;
import com.goodcar.auction.bidding.LotView;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fans a lot's committed states out to its watchers. Conflated twice: at the source, a lot sends
 * at most one state per tick (the newest), encoded once as an SSE frame for all its watchers; and per
 * watcher, one whose socket is still busy with an older frame gets only the newest when it drains.
 *
 * <p>Each tick hands the frame to every event loop in one task, and each loop writes it to the
 * connections it serves: with 10,000 watchers, a task or a reactive pipeline per watcher and frame
 * cost more CPU than the auction itself, and made watchers late.
 */
@ApplicationScoped
public class LotStream implements LotFeed {

    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final long HEARTBEAT_NANOS = HEARTBEAT.toNanos();
    /** A lot nobody watched for this long lets its hub (and timer) go. */
    private static final long UNWATCHED_NANOS = Duration.ofMinutes(1).toNanos();

    private final ConcurrentHashMap<String, Hub> hubs = new ConcurrentHashMap<>();
    private final ObjectMapper json;
    private final Vertx vertx;
    private final long tickMillis;

    LotStream(ObjectMapper json, Vertx vertx, @ConfigProperty(name = "auction.stream.tick") Duration tick) {
        this.json = json;
        this.vertx = vertx;
        this.tickMillis = Math.max(1, tick.toMillis());
    }

    @Override
    public void publish(LotView view) {
        var hub = hubs.get(view.id());
        if (hub != null) {
            hub.latest.set(view);
        }
    }

    /** The lots someone watches on this instance. */
    Set<String> watched() {
        return Set.copyOf(hubs.keySet());
    }

    /**
     * A state read from the committed row (for a lot another instance writes): published only if it
     * says something new and is not older than what the watchers have, so a read racing a newer one
     * never takes the price back.
     */
    void follow(LotView read) {
        Hub hub = hubs.get(read.id());
        if (hub == null) {
            return;
        }
        hub.latest.updateAndGet(known -> known == null || newer(read, known) ? read : known);
    }

    private static boolean newer(LotView read, LotView known) {
        if (read.lastSeq() != known.lastSeq()) {
            return read.lastSeq() > known.lastSeq();
        }
        return read.status() != known.status() || !read.endsAt().equals(known.endsAt());
    }

    /**
     * Streams the lot to {@code response} from now on: {@code current} at once, then the newest state
     * each tick it changed, and again each heartbeat. Call on the connection's event loop.
     */
    void watch(String lotId, HttpServerResponse response, LotView current) {
        Context loop = Vertx.currentContext();
        if (loop == null) {
            throw new IllegalStateException("watch() must run on the connection's event loop");
        }
        Hub hub = hubs.compute(lotId, (id, existing) -> {
            Hub h = existing != null ? existing : new Hub(id);
            h.watchers.incrementAndGet();
            return h;
        });
        hub.latest.compareAndSet(null, current);
        Watchers here = hub.loops.computeIfAbsent(loop, ignored -> new Watchers());
        var watcher = new Watcher(response);
        here.add(watcher);
        response.closeHandler(closed -> {
            here.remove(watcher);
            hub.watchers.decrementAndGet();
        });
        watcher.offer(frame(current));
    }

    /** How many watchers this instance streams the lot to now. */
    public int watching(String lotId) {
        Hub hub = hubs.get(lotId);
        return hub == null ? 0 : hub.watchers.get();
    }

    Buffer frame(LotView view) {
        try {
            byte[] data = json.writeValueAsBytes(view);
            // the id is the state's last bid: a reconnecting EventSource sends it back as Last-Event-ID
            return Buffer.buffer(data.length + 32).appendString("id:" + view.lastSeq() + "\ndata:", "US-ASCII")
                    .appendBytes(data)
                    .appendString("\n\n", "US-ASCII");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the lot view", e);
        }
    }

    /** One lot's watchers, grouped by the event loop that serves their connections. */
    private final class Hub {
        final String lotId;
        final AtomicReference<LotView> latest = new AtomicReference<>();
        final ConcurrentHashMap<Context, Watchers> loops = new ConcurrentHashMap<>();
        final AtomicInteger watchers = new AtomicInteger();
        final long timer;
        // the timer's thread only
        LotView sent;
        Buffer frame;
        long sentAt = System.nanoTime();
        long watchedAt = System.nanoTime();

        Hub(String lotId) {
            this.lotId = lotId;
            this.timer = vertx.setPeriodic(tickMillis, id -> tick());
        }

        void tick() {
            long now = System.nanoTime();
            if (watchers.get() > 0) {
                watchedAt = now;
            } else if (now - watchedAt > UNWATCHED_NANOS && hubs.computeIfPresent(lotId,
                    (id, hub) -> hub == this && hub.watchers.get() == 0 ? null : hub) == null) {
                // under the map's lock, so a watcher arriving now finds a new hub, not this one
                vertx.cancelTimer(timer);
                return;
            }
            LotView view = latest.get();
            if (view == null) {
                return;
            }
            if (view != sent) {
                sent = view;
                frame = frame(view);
            } else if (now - sentAt < HEARTBEAT_NANOS) {
                return;
            }
            sentAt = now;
            Buffer out = frame;
            loops.forEach((loop, group) -> group.offer(loop, out));
        }
    }

    /**
     * The watchers of one lot on one event loop. A loop that is still writing an older frame when a
     * newer one comes takes only the newest: a busy loop skips states instead of falling behind.
     */
    private static final class Watchers {
        // on the loop only
        private final Set<Watcher> members = Collections.newSetFromMap(new IdentityHashMap<>());
        private final AtomicReference<Buffer> pending = new AtomicReference<>();

        void add(Watcher watcher) {
            members.add(watcher);
        }

        void remove(Watcher watcher) {
            members.remove(watcher);
        }

        /** From the tick's thread: one task for the loop, unless one is already waiting to run. */
        void offer(Context loop, Buffer frame) {
            if (pending.getAndSet(frame) == null) {
                loop.runOnContext(ignored -> flush());
            }
        }

        private void flush() {
            Buffer frame = pending.getAndSet(null);
            if (frame != null) {
                for (Watcher watcher : members) {
                    watcher.offer(frame);
                }
            }
        }
    }

    /** One connection: a frame goes out at once unless the socket is still busy; then the newest waits. */
    private static final class Watcher {
        private final HttpServerResponse response;
        private Buffer waiting;

        Watcher(HttpServerResponse response) {
            this.response = response;
            response.drainHandler(drained -> {
                Buffer next = waiting;
                waiting = null;
                if (next != null) {
                    offer(next);
                }
            });
        }

        void offer(Buffer frame) {
            if (response.closed()) {
                return;
            }
            if (response.writeQueueFull()) {
                waiting = frame;
            } else {
                response.write(frame);
            }
        }
    }
}
