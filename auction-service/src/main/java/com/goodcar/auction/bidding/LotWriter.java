package com.goodcar.auction.bidding;

import com.goodcar.auction.bidding.BidAnswer.AcceptedBid;
import com.goodcar.auction.bidding.LotStore.BidRow;
import com.goodcar.auction.log.BidLogChain;
import com.goodcar.auction.log.LogEntry;
import com.goodcar.auction.lot.Auctioneer;
import com.goodcar.auction.lot.Bid;
import com.goodcar.auction.lot.BidOutcome;
import com.goodcar.auction.lot.Lot;
import com.goodcar.auction.lot.LotStatus;
import com.goodcar.contracts.IntegrationEvent;
import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.contracts.auction.AuctionExtended;
import com.goodcar.contracts.auction.AuctionPriceChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The one writer of one lot. Requests queue up while a batch commits; the next batch takes them all,
 * validates them in memory against the lot and commits the accepted bids in one transaction (group
 * commit). A request is answered only after its batch committed, so an acknowledged bid is durable.
 *
 * <p>A bid the committed price has already passed is refused on the caller's thread, without
 * queueing: under a rush almost every bid is such a stale one, and since the price only rises, the
 * writer would refuse it too (a refusal changes nothing, so answering it from the committed state
 * is as if it had arrived just then). Everything else, and every retry of a key still in flight,
 * goes through the writer.
 *
 * <p>Its commits are fenced by the lot's epoch: if another instance took the lot over (after this
 * one's lease lapsed, e.g. during a long pause), the next commit matches no row and this writer
 * stops without having written anything.
 */
final class LotWriter {

    private static final Logger LOG = Logger.getLogger(LotWriter.class);
    private static final int REMEMBERED_REJECTIONS = 100_000;

    sealed interface Command {
    }

    record PlaceBid(String bidderId, long maxFen, String idempotencyKey, CompletableFuture<BidAnswer> answer)
            implements Command {
    }

    record Cancel(CompletableFuture<Boolean> done) implements Command {
    }

    /** The settings every writer shares; {@code idleStop}: a writer nobody used for that long lets go of its lot. */
    record Settings(String instance, Duration lease, int maxBatch, int queueCapacity, Duration idleStop) {
    }

    private final String lotId;
    private final LotStore store;
    private final Clock clock;
    private final Settings settings;
    private final Consumer<LotView> watchers;
    private final Runnable onStop;
    private final BlockingQueue<Command> inbox;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile LotView view;
    private volatile Lot committed;

    // written by the writer thread, read by callers too (the early refusal)
    private final LotHolders holders = new LotHolders();
    private final Map<String, BidAnswer> acceptedAnswers = new ConcurrentHashMap<>();
    private final Rejections rejections = new Rejections(REMEMBERED_REJECTIONS);
    /** answer keys of the requests queued or in a batch: their retries must wait for the writer's answer */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    // touched by the writer thread only
    private LotRecord record;
    private final BidderCodes codes;
    private final Map<String, String> codeCache = new HashMap<>();
    private Instant leaseUntil;

    private LotWriter(LotRecord record, Instant leaseUntil, LotStore store, Clock clock, Settings settings,
                      Consumer<LotView> watchers, Runnable onStop) {
        this.lotId = record.lot().id();
        this.record = record;
        this.leaseUntil = leaseUntil;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.watchers = watchers;
        this.onStop = onStop;
        this.inbox = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.codes = new BidderCodes(record.salt());
        this.acceptedAnswers.putAll(store.answered(lotId, record.lot().rules().ladder()));
        this.committed = record.lot();
        this.view = LotView.of(record, codeOf(record.lot()), clock.instant());
        this.thread = Thread.ofVirtual().name("lot-writer-" + lotId).unstarted(this::run);
    }

    /**
     * Claims the lot; null if another instance holds it or it does not exist. The writer takes no
     * command until {@link #start}: register it first, so that it hears every hold change.
     */
    static LotWriter claim(String lotId, LotStore store, Clock clock, Settings settings, Consumer<LotView> watchers,
                           Runnable onStop) {
        Instant leaseUntil = clock.instant().plus(settings.lease());
        return store.claim(lotId, settings.instance(), leaseUntil)
                .map(record -> new LotWriter(record, leaseUntil, store, clock, settings, watchers, onStop))
                .orElse(null);
    }

    /**
     * Reads the lot's holders (changes heard since the claim are applied on top) and starts writing;
     * if they cannot be read, the writer answers what it queued meanwhile and stays stopped.
     */
    void start() {
        try {
            holders.load(store.holders(lotId));
        } catch (RuntimeException e) {
            running = false;
            List<Command> queued = new ArrayList<>();
            inbox.drainTo(queued);
            fail(queued, "The lot's writer could not start; retry.");
            throw e;
        }
        LOG.infof("lot %s: writer started (epoch %d, %d bids, price %d fen, %s)", lotId, record.epoch(),
                record.lot().bidCount(), record.lot().priceFen(), record.lot().statusAt(clock.instant()));
        thread.start();
    }

    static String answerKey(String bidderId, String idempotencyKey) {
        return bidderId + "\n" + idempotencyKey;
    }

    CompletableFuture<BidAnswer> place(String bidderId, long maxFen, String idempotencyKey) {
        if (!running) {
            return CompletableFuture.completedFuture(
                    BidAnswer.unavailable("The lot is changing hands between instances; retry."));
        }
        String key = answerKey(bidderId, idempotencyKey);
        // a key already in flight waits for the writer's answer, which its retry must repeat
        boolean first = inFlight.add(key);
        if (first) {
            BidAnswer answer = earlierAnswer(key);
            if (answer == null) {
                BidOutcome.Rejected refused = refusedAlready(bidderId, maxFen);
                answer = refused == null ? null : BidAnswer.rejected(lotId, rejections.remember(key, refused));
            }
            if (answer != null) {
                inFlight.remove(key);
                return CompletableFuture.completedFuture(answer);
            }
        }
        var command = new PlaceBid(bidderId, maxFen, idempotencyKey, new CompletableFuture<>());
        if (first) {
            command.answer().whenComplete((answer, failure) -> inFlight.remove(key));
        }
        if (!inbox.offer(command)) {
            command.answer().complete(BidAnswer.unavailable("Too many bids are waiting on this lot; retry."));
        }
        return command.answer();
    }

    /**
     * The refusal of a bid the committed price has passed, or null. Only the refusals a rising price
     * cannot undo: stale, below the increment, already leading with that maximum, above the lot's
     * highest price. Opening, closing, soft close and the raise cap are the writer's to decide.
     */
    private BidOutcome.Rejected refusedAlready(String bidderId, long maxFen) {
        Lot lot = committed;
        var outcome = Auctioneer.place(lot, new Bid(bidderId, maxFen, holders.contains(bidderId)), clock.instant());
        return outcome instanceof BidOutcome.Rejected r && switch (r.reason()) {
            case STALE, BELOW_INCREMENT, ALREADY_LEADING, ABOVE_MAXIMUM -> true;
            default -> false;
        } ? r : null;
    }

    /** Applied at once, not queued: the next batch sees it, however many bids wait. */
    void holdChanged(String userId, boolean active) {
        holders.changed(userId, active);
    }

    CompletableFuture<Boolean> cancel() {
        var command = new Cancel(new CompletableFuture<>());
        if (!inbox.offer(command)) {
            command.done().complete(false);
        }
        return command.done();
    }

    /** The latest committed state, for reads that must not queue behind bids. */
    LotView view() {
        return view;
    }

    boolean isRunning() {
        return running;
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    private void run() {
        var batch = new ArrayList<Command>(settings.maxBatch());
        long lastUsed = System.nanoTime();
        try {
            while (running) {
                Command first = inbox.poll(200, TimeUnit.MILLISECONDS);
                batch.clear();
                if (first != null) {
                    batch.add(first);
                    inbox.drainTo(batch, settings.maxBatch() - 1);
                    lastUsed = System.nanoTime();
                } else if (idle(lastUsed)) {
                    // its memory (answers kept for retries) goes with it; the next use rebuilds it from the rows
                    LOG.infof("lot %s: writer idle for %s, stopping", lotId, settings.idleStop());
                    break;
                }
                try {
                    handle(batch);
                } catch (Fenced fenced) {
                    LOG.warnf("lot %s: another instance took the lot over (epoch %d is stale); stopping", lotId,
                            record.epoch());
                    fail(batch, "The lot moved to another instance; retry.");
                    running = false;
                } catch (RuntimeException e) {
                    LOG.errorf(e, "lot %s: batch of %d failed; nothing was acknowledged, reloading", lotId, batch.size());
                    fail(batch, "The bid could not be recorded; retry with the same Idempotency-Key.");
                    running = reload();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            List<Command> left = new ArrayList<>();
            inbox.drainTo(left);
            fail(left, "The lot's writer stopped; retry.");
            onStop.run();
        }
    }

    /** Unused for idleStop; an open lot's writer is started again when its end is due. */
    private boolean idle(long lastUsed) {
        return Duration.ofNanos(System.nanoTime() - lastUsed).compareTo(settings.idleStop()) > 0;
    }

    private void handle(List<Command> batch) {
        // microseconds: what PostgreSQL keeps, so the hashes verify after the round trip
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Lot before = record.lot();
        var fresh = new ArrayList<PlaceBid>();
        var duplicates = new ArrayList<PlaceBid>();
        var inBatch = new HashMap<String, PlaceBid>();
        var cancels = new ArrayList<Cancel>();
        for (Command command : batch) {
            switch (command) {
                case PlaceBid bid -> {
                    String key = answerKey(bid.bidderId(), bid.idempotencyKey());
                    BidAnswer earlier = earlierAnswer(key);
                    if (earlier != null) {
                        bid.answer().complete(earlier);
                    } else if (inBatch.putIfAbsent(key, bid) != null) {
                        duplicates.add(bid);
                    } else {
                        fresh.add(bid);
                    }
                }
                case Cancel cancel -> cancels.add(cancel);
            }
        }

        var commands = new IdentityHashMap<Bid, PlaceBid>();
        var bids = new ArrayList<Bid>(fresh.size());
        for (PlaceBid p : fresh) {
            var bid = new Bid(p.bidderId(), p.maxFen(), holders.contains(p.bidderId()));
            commands.put(bid, p);
            bids.add(bid);
        }
        var round = Auctioneer.placeAll(before, bids, now);
        Lot after = round.lot();

        var rows = new ArrayList<BidRow>();
        var answers = new ArrayList<Map.Entry<PlaceBid, BidAnswer>>(fresh.size());
        var rejected = new IdentityHashMap<PlaceBid, BidOutcome.Rejected>();
        String hash = record.lastHash();
        for (var placed : round.outcomes()) {
            PlaceBid command = commands.get(placed.bid());
            if (placed.outcome() instanceof BidOutcome.Accepted a) {
                String code = codeOf(command.bidderId());
                LogEntry entry = BidLogChain.append(hash, a.seq(), lotId, a.at(), code, record.salt(),
                        command.maxFen(), a.priceFen(), codeOf(a.leader().bidderId()), a.endsAt());
                hash = entry.hash();
                rows.add(new BidRow(entry, command.bidderId(), command.idempotencyKey()));
                answers.add(Map.entry(command, BidAnswer.accepted(new AcceptedBid(lotId, a.seq(), code,
                        command.maxFen(), a.priceFen(), a.leading(),
                        Math.addExact(a.priceFen(), before.rules().ladder().incrementAt(a.priceFen())), a.endsAt(),
                        entry.hash()))));
            } else {
                var outcome = (BidOutcome.Rejected) placed.outcome();
                rejected.put(command, outcome);
                answers.add(Map.entry(command, BidAnswer.rejected(lotId, outcome)));
            }
        }

        var events = new ArrayList<IntegrationEvent>();
        if (!rows.isEmpty()) {
            events.add(new AuctionPriceChanged(lotId, after.priceFen(), codeOf(after), after.bidCount(),
                    after.lastSeq(), after.endsAt(), now));
            if (after.endsAt().isAfter(before.endsAt())) {
                events.add(new AuctionExtended(lotId, before.endsAt(), after.endsAt()));
            }
        }
        Instant closedAt = record.closedAt();
        boolean cancelling = !cancels.isEmpty() && !after.statusAt(now).isFinal();
        if (cancelling) {
            after = after.cancelled();
            closedAt = now;
            events.add(closedEvent(after, now));
        } else if (!after.status().isFinal() && after.statusAt(now).isFinal()) {
            after = after.closed();
            closedAt = now;
            events.add(closedEvent(after, now));
            LOG.infof("lot %s: closed %s at %d fen after %d bids", lotId, after.status(), after.priceFen(),
                    after.bidCount());
        } else if (after.status() == LotStatus.SCHEDULED && after.statusAt(now) == LotStatus.OPEN) {
            after = new Lot(after.id(), after.editionCode(), after.rules(), LotStatus.OPEN, after.opensAt(),
                    after.endsAt(), after.priceFen(), after.leader(), after.bidCount(), after.lastSeq());
        }

        boolean changed = !after.equals(before) || !events.isEmpty();
        boolean renew = now.isAfter(leaseUntil.minus(settings.lease().dividedBy(3)));
        if (changed || renew) {
            Instant newLease = now.plus(settings.lease());
            var next = new LotRecord(after, record.title(), hash, record.salt(), record.epoch(), closedAt,
                    record.scheduledEndsAt());
            if (!store.commit(next, newLease, rows, events, now)) {
                throw new Fenced();
            }
            record = next;
            committed = next.lot();
            leaseUntil = newLease;
        }

        // watchers and readers see the new state no later than the bidders hear of it
        if (changed || view.statusChangedBy(now)) {
            view = LotView.of(record, codeOf(record.lot()), now);
            watchers.accept(view);
        }
        for (var answer : answers) {
            String key = answerKey(answer.getKey().bidderId(), answer.getKey().idempotencyKey());
            var outcome = rejected.get(answer.getKey());
            if (outcome == null) {
                acceptedAnswers.put(key, answer.getValue());
            } else {
                rejections.remember(key, outcome);
            }
            answer.getKey().answer().complete(answer.getValue());
        }
        for (PlaceBid duplicate : duplicates) {
            duplicate.answer().complete(earlierAnswer(answerKey(duplicate.bidderId(), duplicate.idempotencyKey())));
        }
        cancels.forEach(c -> c.done().complete(record.lot().status() == LotStatus.CANCELLED));
    }

    private BidAnswer earlierAnswer(String key) {
        BidAnswer accepted = acceptedAnswers.get(key);
        if (accepted != null) {
            return accepted;
        }
        BidOutcome.Rejected rejection = rejections.get(key);
        return rejection == null ? null : BidAnswer.rejected(lotId, rejection);
    }

    private AuctionClosed closedEvent(Lot lot, Instant now) {
        boolean sold = lot.status() == LotStatus.SOLD;
        return new AuctionClosed(lotId, lot.editionCode(), lot.status().name(),
                sold ? lot.leader().bidderId() : null, sold ? codeOf(lot) : null, sold ? lot.priceFen() : null,
                lot.rules().depositFen(), lot.bidCount(), now);
    }

    private boolean reload() {
        try {
            var reclaimed = store.claim(lotId, settings.instance(), clock.instant().plus(settings.lease()));
            if (reclaimed.isEmpty()) {
                return false;
            }
            record = reclaimed.get();
            committed = record.lot();
            // refreshed in place, not cleared: callers read them meanwhile; a failed batch acknowledged
            // nothing, and a refusal already given stays true (holders are kept up to date apart from batches)
            acceptedAnswers.putAll(store.answered(lotId, record.lot().rules().ladder()));
            leaseUntil = clock.instant().plus(settings.lease());
            return true;
        } catch (RuntimeException e) {
            LOG.errorf(e, "lot %s: cannot reload; stopping the writer", lotId);
            return false;
        }
    }

    private void fail(List<Command> commands, String why) {
        for (Command command : commands) {
            switch (command) {
                case PlaceBid bid -> bid.answer().complete(BidAnswer.unavailable(why));
                case Cancel cancel -> cancel.done().complete(false);
            }
        }
    }

    private String codeOf(Lot lot) {
        return lot.leader() == null ? null : codeOf(lot.leader().bidderId());
    }

    private String codeOf(String userId) {
        return codeCache.computeIfAbsent(userId, codes::of);
    }

    /** The lot's epoch no longer matches: another writer owns it now. */
    static final class Fenced extends RuntimeException {
        Fenced() {
            super("fenced", null, false, false);
        }
    }
}
