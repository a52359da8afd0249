package com.goodcar.kit.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Rounds of calls to the payment provider for work queued in a table (refunds): claim a batch with
 * a lease, ask the provider for each item on virtual threads (a bounded number at once: the
 * provider is one remote service), write the answers, and go on while batches come back full. A
 * round that fails is logged and left to the next: claimed items keep their lease and are claimed
 * again once it lapses, and the provider's idempotency keys make the second ask harmless.
 */
public final class ProviderRounds {

    private static final Logger LOG = Logger.getLogger(ProviderRounds.class);

    private final String what;
    private final int batch;
    private final Semaphore inFlight;
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopping;

    /** @param what the work, for the log ("refunds") */
    public ProviderRounds(String what, int batch, int parallelCalls) {
        this.what = what;
        this.batch = batch;
        this.inFlight = new Semaphore(parallelCalls);
    }

    /** Runs rounds until a batch is not full; never throws. */
    public <T, A> void run(Supplier<List<T>> claim, Function<T, A> ask, Consumer<List<A>> write) {
        try {
            while (round(claim, ask, write) == batch && !stopping) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.errorf("%s: a round failed (%s); the next round retries", what, e.toString());
            }
        }
    }

    /** One round; returns how many items it claimed. */
    public <T, A> int round(Supplier<List<T>> claim, Function<T, A> ask, Consumer<List<A>> write) {
        List<T> claimed = claim.get();
        if (claimed.isEmpty()) {
            return 0;
        }
        var calls = new ArrayList<Future<A>>(claimed.size());
        for (T item : claimed) {
            calls.add(callers.submit(() -> {
                inFlight.acquire();
                try {
                    return ask.apply(item);
                } finally {
                    inFlight.release();
                }
            }));
        }
        var answers = new ArrayList<A>(claimed.size());
        for (Future<A> call : calls) {
            try {
                answers.add(call.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException(what + ": a provider call failed unexpectedly", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + ": interrupted", e);
            }
        }
        write.accept(answers);
        return claimed.size();
    }

    /** The process is stopping: no new round, and a failing one is not worth an error line. */
    public void stop() {
        stopping = true;
    }
}
