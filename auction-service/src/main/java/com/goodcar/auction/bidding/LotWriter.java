package com.goodcar.auction.bidding;

import com.goodcar.auction.lot.Auctioneer;
import com.goodcar.auction.lot.Bid;
import com.goodcar.auction.lot.BidOutcome;
import com.goodcar.auction.lot.Lot;
import com.goodcar.auction.lot.LotStatus;
import com.goodcar.contracts.auction.AuctionClosed;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
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
 *
 * <p>What remains here is the loop: a batch's decisions are {@link Batch}'s (pure), the memory of
 * answers for retries is {@link AnswerMemory}'s, the claim's length is {@link WriterLease}'s.
 */
final class LotWriter {

    private static final Logger LOG = Logger.getLogger(LotWriter.class);

    sealed interface Command {
    }

    /** {@code trace}: the request's trace context, which the events its bid causes continue. */
    record PlaceBid(String bidderId, long maxFen, String idempotencyKey, CompletableFuture<BidAnswer> answer,
                    Context trace) implements Command {
        String key() {
            return AnswerMemory.key(bidderId, idempotencyKey);
        }
    }

    record Cancel(CompletableFuture<Boolean> done, Context trace) implements Command {
    }

    /** The settings every writer shares; {@code idleStop}: a writer nobody used for that long lets go of its lot. */
    record Settings(String instance, String url, Duration lease, int maxBatch, int queueCapacity, Duration idleStop) {
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

    // written by the writer thread, read by callers too (the early refusal, retries)
    private final LotHolders holders = new LotHolders();
    // the writer's thread only: another instance fenced this one out, the lease is not ours to give up
    private boolean taken;
    private final AnswerMemory answers;

    // touched by the writer thread only
    private LotRecord record;
    private final WriterLease lease;
    private final BidderCodes codes;
    private final Map<String, String> codeCache = new HashMap<>();

    private LotWriter(LotRecord record, Instant leaseUntil, LotStore store, Clock clock, Settings settings,
                      Consumer<LotView> watchers, Runnable onStop) {
        this.lotId = record.lot().id();
        this.record = record;
        this.lease = new WriterLease(settings.lease(), leaseUntil);
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.watchers = watchers;
        this.onStop = onStop;
        this.inbox = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.codes = new BidderCodes(record.salt());
        this.answers = new AnswerMemory(lotId);
        this.answers.acceptedBefore(store.answered(lotId, record.lot().rules().ladder()));
        this.committed = record.lot();
        this.view = LotView.of(record, Batch.leaderCode(record.lot(), this::codeOf), clock.instant());
        this.thread = Thread.ofVirtual().name("lot-writer-" + lotId).unstarted(this::run);
    }

    /**
     * Claims the lot; null if another instance holds it or it does not exist. The writer takes no
     * command until {@link #start}: register it first, so that it hears every hold change.
     */
    static LotWriter claim(String lotId, LotStore store, Clock clock, Settings settings, Consumer<LotView> watchers,
                           Runnable onStop) {
        Instant leaseUntil = clock.instant().plus(settings.lease());
        return store.claim(lotId, settings.instance(), settings.url(), leaseUntil)
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

    CompletableFuture<BidAnswer> place(String bidderId, long maxFen, String idempotencyKey) {
        if (!running) {
            return CompletableFuture.completedFuture(
                    BidAnswer.elsewhere("The lot is changing hands between instances; retry."));
        }
        String key = AnswerMemory.key(bidderId, idempotencyKey);
        // a key already in flight waits for the writer's answer, which its retry must repeat
        boolean first = answers.takeOff(key);
        if (first) {
            BidAnswer answer = answers.earlier(key);
            if (answer == null) {
                BidOutcome.Rejected refused = refusedAlready(bidderId, maxFen);
                answer = refused == null ? null : BidAnswer.rejected(lotId, answers.refused(key, refused));
            }
            if (answer != null) {
                answers.landed(key);
                return CompletableFuture.completedFuture(answer);
            }
        }
        // only a bid that goes to the writer costs a command (most bids of a rush were answered above)
        var command = new PlaceBid(bidderId, maxFen, idempotencyKey, new CompletableFuture<>(), Context.current());
        if (first) {
            command.answer().whenComplete((answered, failure) -> answers.landed(key));
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
        var command = new Cancel(new CompletableFuture<>(), Context.current());
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

    /**
     * Stops after the batch in hand (a shutdown, a drain): what is still queued is answered "retry",
     * and the lease is given up so that another instance takes the lot at once, not after the lease.
     */
    void stop() {
        running = false;
    }

    /** Waits (at most {@code timeout}) for the writer's thread to end, its lease given up. */
    void awaitStopped(Duration timeout) {
        try {
            thread.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
                    moved(batch, "The lot moved to another instance; retry.");
                    taken = true;
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
            moved(left, "The lot's writer stopped; retry.");
            onStop.run();
            if (!taken) {
                release();
            }
        }
    }

    private void release() {
        boolean interrupted = Thread.interrupted();
        try {
            store.release(lotId, settings.instance(), record.epoch());
            LOG.infof("lot %s: writer stopped, lease released (epoch %d)", lotId, record.epoch());
        } catch (RuntimeException e) {
            LOG.warnf("lot %s: could not release the lease (%s); it lapses by itself", lotId, e.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A bidder this writer does not know as a holder may hold a deposit another instance heard of
     * (each instance consumes a share of deposit.holds): the table is asked, once a second at most
     * per bidder, before the bid is refused for want of a deposit.
     */
    private void lookUpHolders(List<PlaceBid> bids, Instant now) {
        var unknown = holders.worthAsking(bids.stream().map(PlaceBid::bidderId).toList(), now);
        if (!unknown.isEmpty()) {
            holders.asked(unknown, store.holding(lotId, unknown), now);
        }
    }

    /** Unused for idleStop; an open lot's writer is started again when its end is due. */
    private boolean idle(long lastUsed) {
        return Duration.ofNanos(System.nanoTime() - lastUsed).compareTo(settings.idleStop()) > 0;
    }

    /** Decides the batch, commits what changed (fenced by the epoch), then tells watchers and answers bidders. */
    private void handle(List<Command> batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var fresh = new ArrayList<PlaceBid>();
        var duplicates = new ArrayList<PlaceBid>();
        var inBatch = new HashMap<String, PlaceBid>();
        var cancels = new ArrayList<Cancel>();
        for (Command command : batch) {
            switch (command) {
                case PlaceBid bid -> {
                    BidAnswer earlier = answers.earlier(bid.key());
                    if (earlier != null) {
                        bid.answer().complete(earlier);
                    } else if (inBatch.putIfAbsent(bid.key(), bid) != null) {
                        duplicates.add(bid);
                    } else {
                        fresh.add(bid);
                    }
                }
                case Cancel cancel -> cancels.add(cancel);
            }
        }
        lookUpHolders(fresh, now);
        var requests = fresh.stream().map(p -> new Batch.Request(p.bidderId(), p.maxFen(), p.idempotencyKey(),
                holders.contains(p.bidderId()))).toList();
        var decision = Batch.decide(record, requests, !cancels.isEmpty(), now, this::codeOf);

        if (decision.changed() || lease.dueForRenewal(now)) {
            Instant until = lease.from(now);
            // the batch's events are staged in the trace of the request that caused them
            try (Scope cause = causeOf(decision, fresh, cancels).makeCurrent()) {
                if (!store.commit(decision.next(), until, decision.rows(), decision.events(), now)) {
                    throw new Fenced();
                }
            }
            record = decision.next();
            committed = record.lot();
            lease.renewed(until);
            decision.events().stream().filter(AuctionClosed.class::isInstance).findFirst().ifPresent(closed ->
                    LOG.infof("lot %s: closed %s at %d fen after %d bids", lotId, record.lot().status(),
                            record.lot().priceFen(), record.lot().bidCount()));
        }

        // watchers and readers see the new state no later than the bidders hear of it
        if (decision.changed() || view.statusChangedBy(now)) {
            view = LotView.of(record, Batch.leaderCode(record.lot(), this::codeOf), now);
            watchers.accept(view);
        }
        for (int i = 0; i < fresh.size(); i++) {
            PlaceBid command = fresh.get(i);
            Batch.Answered answered = decision.answers().get(i);
            if (answered.refusal() == null) {
                answers.accepted(command.key(), answered.answer());
            } else {
                answers.refused(command.key(), answered.refusal());
            }
            command.answer().complete(answered.answer());
        }
        for (PlaceBid duplicate : duplicates) {
            duplicate.answer().complete(answers.earlier(duplicate.key()));
        }
        cancels.forEach(c -> c.done().complete(record.lot().status() == LotStatus.CANCELLED));
    }

    /** The first accepted bid's request, else an operator's cancel; none for a close or an opening by time. */
    private static Context causeOf(Batch.Decision decision, List<PlaceBid> fresh, List<Cancel> cancels) {
        for (int i = 0; i < fresh.size(); i++) {
            if (decision.answers().get(i).refusal() == null) {
                return fresh.get(i).trace();
            }
        }
        return cancels.isEmpty() ? Context.root() : cancels.getFirst().trace();
    }

    private boolean reload() {
        try {
            var reclaimed = store.claim(lotId, settings.instance(), settings.url(), clock.instant().plus(settings.lease()));
            if (reclaimed.isEmpty()) {
                return false;
            }
            record = reclaimed.get();
            committed = record.lot();
            // a failed batch acknowledged nothing, and a refusal already given stays true (holders are
            // kept up to date apart from batches)
            answers.acceptedBefore(store.answered(lotId, record.lot().rules().ladder()));
            lease.renewed(clock.instant().plus(settings.lease()));
            return true;
        } catch (RuntimeException e) {
            LOG.errorf(e, "lot %s: cannot reload; stopping the writer", lotId);
            return false;
        }
    }

    private void fail(List<Command> commands, String why) {
        answerAll(commands, BidAnswer.unavailable(why));
    }

    /** Commands this writer will not decide: the instance that writes the lot next does. */
    private void moved(List<Command> commands, String why) {
        answerAll(commands, BidAnswer.elsewhere(why));
    }

    private static void answerAll(List<Command> commands, BidAnswer answer) {
        for (Command command : commands) {
            switch (command) {
                case PlaceBid bid -> bid.answer().complete(answer);
                case Cancel cancel -> cancel.done().complete(false);
            }
        }
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
