package com.goodcar.psp;

import com.goodcar.kit.payment.CallbackSignature;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers the sandbox's payment callbacks the way a real provider does: a POST of the JSON
 * notification to the merchant's notify URL, signed ({@link CallbackSignature}) with a new timestamp
 * and nonce on every attempt, until the merchant answers 2xx; otherwise again after a growing pause
 * ({@link RetrySchedule}), and given up after the last attempt allowed. Runs only when the sandbox is
 * the configured provider.
 */
@ApplicationScoped
public class CallbackNotifier {

    private static final Logger LOG = Logger.getLogger(CallbackNotifier.class);
    private static final int ANSWER_KEPT = 500;

    private final CallbackQueue queue;
    private final Vertx vertx;
    private final Clock clock;
    private final CallbackSignature signature;
    private final RetrySchedule retries;
    private final Duration timeout;
    private final int batch;
    private final AtomicBoolean delivering = new AtomicBoolean();
    private volatile HttpClient http;
    private volatile long timer = -1;

    CallbackNotifier(CallbackQueue queue, Vertx vertx, Clock clock,
                     @ConfigProperty(name = "sandbox.callback-secret") String secret,
                     @ConfigProperty(name = "sandbox.notify.first-retry", defaultValue = "PT1S") Duration first,
                     @ConfigProperty(name = "sandbox.notify.max-retry", defaultValue = "PT60S") Duration cap,
                     @ConfigProperty(name = "sandbox.notify.max-attempts", defaultValue = "15") int maxAttempts,
                     @ConfigProperty(name = "sandbox.notify.timeout", defaultValue = "PT5S") Duration timeout,
                     @ConfigProperty(name = "sandbox.notify.batch", defaultValue = "20") int batch) {
        this.queue = queue;
        this.vertx = vertx;
        this.clock = clock;
        this.signature = new CallbackSignature(secret);
        this.retries = new RetrySchedule(first, cap, maxAttempts);
        this.timeout = timeout;
        this.batch = batch;
    }

    /** Polls on a Vert.x timer: Quarkus' scheduler does not go below one second, and 1 s is the first retry. */
    void start(@Observes StartupEvent startup,
               @ConfigProperty(name = "sandbox.notify.poll-interval", defaultValue = "PT0.2S") Duration interval) {
        http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setMaxPoolSize(batch)
                .setName("psp-sandbox-callbacks"));
        // only the reactive Pool is used below, so the timer's own context is enough (no Hibernate session)
        timer = vertx.setPeriodic(interval.toMillis(), id -> {
            if (!delivering.compareAndSet(false, true)) {
                return; // the previous round is still waiting for a merchant
            }
            deliverDue()
                    .eventually(() -> delivering.set(false))
                    .subscribe().with(n -> { }, failure -> LOG.warnf(
                            "psp-sandbox: callbacks not delivered this round (%s); they stay queued", failure.toString()));
        });
        LOG.infof("psp-sandbox: delivering callbacks every %d ms; retries after %d ms doubling up to %d ms, %d attempts at most",
                interval.toMillis(), retries.first().toMillis(), retries.cap().toMillis(), retries.maxAttempts());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (http != null) {
            http.closeAndAwait();
        }
    }

    /** One round: every due callback attempted once, at the same time. Returns how many were attempted. */
    public Uni<Integer> deliverDue() {
        if (http == null) {
            return Uni.createFrom().item(0); // not the configured provider, or not started
        }
        Instant now = clock.instant();
        // the lease outlasts an attempt (connect + answer) so a slow merchant is not called twice at once
        Duration lease = timeout.multipliedBy(2).plusSeconds(5);
        return queue.claim(now, lease, batch).chain(due -> due.isEmpty() ? Uni.createFrom().item(0)
                : Uni.join().all(due.stream().map(this::attempt).toList()).andCollectFailures()
                .map(List::size));
    }

    private Uni<Void> attempt(CallbackQueue.Due due) {
        return send(due).chain(attempt -> {
            Instant now = clock.instant();
            Instant retryAt = null;
            if (!attempt.acknowledged()) {
                var pause = retries.after(due.attempt());
                String answered = attempt.status() != null ? "answered " + attempt.status() : "failed: " + attempt.error();
                if (pause.isPresent()) {
                    retryAt = now.plus(pause.get());
                    LOG.warnf("psp-sandbox: callback %d for payment %s, attempt %d of %d to %s %s; next attempt in %d ms",
                            due.id(), due.merchantPaymentId(), due.attempt(), retries.maxAttempts(), due.notifyUrl(),
                            answered, pause.get().toMillis());
                } else {
                    LOG.errorf("psp-sandbox: callback %d for payment %s given up after %d attempts; the last to %s %s",
                            due.id(), due.merchantPaymentId(), due.attempt(), due.notifyUrl(), answered);
                }
            } else if (due.attempt() > 1) {
                LOG.infof("psp-sandbox: callback %d for payment %s acknowledged at attempt %d", due.id(),
                        due.merchantPaymentId(), due.attempt());
            }
            return queue.record(due, attempt, retryAt, now);
        });
    }

    /** Never fails: a refused connection or a timeout is an attempt without a status. */
    private Uni<CallbackQueue.Attempt> send(CallbackQueue.Due due) {
        Instant sentAt = clock.instant();
        long timestamp = CallbackSignature.now(sentAt);
        String nonce = SandboxIds.nonce();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "goodcar-psp-sandbox/1");
        headers.put("X-Psp-Notification-Id", Long.toString(due.id()));
        headers.put(CallbackSignature.TIMESTAMP, Long.toString(timestamp));
        headers.put(CallbackSignature.NONCE, nonce);
        headers.put(CallbackSignature.SIGNATURE, signature.sign(timestamp, nonce, due.body()));
        long started = System.nanoTime();
        Uni<CallbackQueue.Attempt> answered;
        try {
            var options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(due.notifyUrl())
                    .setConnectTimeout(timeout.toMillis()).setIdleTimeout(timeout.toMillis());
            headers.forEach(options::putHeader);
            answered = http.request(options)
                    .chain(request -> request.send(due.body()))
                    .chain(response -> response.body().map(body -> new CallbackQueue.Attempt(sentAt, due.notifyUrl(),
                            headers, response.statusCode(), null, start(body.toString()), millisSince(started))))
                    .ifNoItem().after(timeout.multipliedBy(2)).fail();
        } catch (RuntimeException e) {
            answered = Uni.createFrom().failure(e); // e.g. a notify URL Vert.x cannot parse
        }
        return answered.onFailure().recoverWithItem(failure -> new CallbackQueue.Attempt(sentAt, due.notifyUrl(),
                headers, null, failure.toString(), null, millisSince(started)));
    }

    private static String start(String answer) {
        return answer.length() <= ANSWER_KEPT ? answer : answer.substring(0, ANSWER_KEPT);
    }

    private static long millisSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
