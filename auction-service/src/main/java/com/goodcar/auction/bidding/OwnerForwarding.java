package com.goodcar.auction.bidding;

import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A bid that reached an instance which does not write its lot goes to the one that does, at the
 * address kept with the lease, over kept-alive HTTP: the same bearer token (the owner verifies the
 * bidder itself), the same Idempotency-Key (a retry through either instance gets the same answer),
 * and the owner's answer and receipt passed back as they are. A forwarded bid is never forwarded
 * again: an owner that lost the lot meanwhile answers 503 and the client retries.
 */
@ApplicationScoped
public class OwnerForwarding {

    static final String FORWARDED_BY = "X-Goodcar-Forwarded-By";
    private static final Logger LOG = Logger.getLogger(OwnerForwarding.class);

    /** In a rush through a non-owner, the owner is looked up once a second per lot, not per bid. */
    private static final Duration OWNER_KEPT = Duration.ofSeconds(1);
    private static final Duration WARN_EVERY = Duration.ofSeconds(5);

    private final HttpClient client;
    private final Duration timeout;
    private final String instance;
    private final LotWriters writers;
    private final Clock clock;
    private final ConcurrentHashMap<String, Owner> owners = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Instant> warned = new ConcurrentHashMap<>();

    private record Owner(String url, Instant until) {
    }

    OwnerForwarding(Vertx vertx, @ConfigProperty(name = "auction.forward.timeout") Duration timeout,
                    @ConfigProperty(name = "auction.instance-id") String instance, LotWriters writers, Clock clock) {
        this.writers = writers;
        this.clock = clock;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64)
                .setConnectTimeout(1_000));
        this.timeout = timeout;
        this.instance = instance;
    }

    /** Whether the request may be forwarded: it did not come from another instance already. */
    static boolean mayForward(HttpHeaders headers) {
        return headers.getHeaderString(FORWARDED_BY) == null;
    }

    static boolean servedElsewhere(Throwable failure) {
        return failure instanceof ProblemException problem
                && problem.problem().type().toString().endsWith("/lot-elsewhere");
    }

    /** The lot's owner elsewhere as looked up in the last second, if any. */
    Optional<String> knownOwner(String lotId) {
        Owner owner = owners.get(lotId);
        return owner == null || owner.until().isBefore(clock.instant()) ? Optional.empty() : Optional.of(owner.url());
    }

    /** The lot's owner elsewhere under a live lease, looked up now and kept a second; empty when none. */
    Uni<Optional<String>> lookUp(String lotId) {
        return writers.ownerElsewhere(lotId).invoke(owner -> {
            if (owner.isPresent()) {
                owners.put(lotId, new Owner(owner.get(), clock.instant().plus(OWNER_KEPT)));
            } else {
                owners.remove(lotId);
            }
        });
    }

    /**
     * The owner's answer to a bid sent on; {@code ownerGone} when it did not write the lot after all:
     * it could not be reached or answered "lot elsewhere" (it is stopping, or lost the lease).
     */
    record Forwarded(Response response, boolean ownerGone) {
    }

    Uni<Forwarded> bid(String ownerUrl, String lotId, HttpHeaders headers, String key, long maxFen) {
        var request = request(ownerUrl, lotId, "/bids", headers).putHeader("Content-Type", "application/json")
                .putHeader("Idempotency-Key", key);
        return send(request, lotId, ownerUrl, Buffer.buffer("{\"maxFen\":" + maxFen + "}"));
    }

    /** An operator's cancel, sent on to the lot's owner with the operator's own token. */
    Uni<Forwarded> cancel(String ownerUrl, String lotId, HttpHeaders headers) {
        return send(request(ownerUrl, lotId, "/cancel", headers), lotId, ownerUrl, Buffer.buffer());
    }

    private RequestOptions request(String ownerUrl, String lotId, String path, HttpHeaders headers) {
        var request = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(ownerUrl + "/auctions/" + URLEncoder.encode(lotId, StandardCharsets.UTF_8) + path)
                .putHeader(FORWARDED_BY, instance)
                .setIdleTimeout(timeout.toMillis());
        copy(headers, request, "Authorization");
        copy(headers, request, "traceparent");
        return request;
    }

    private Uni<Forwarded> send(RequestOptions request, String lotId, String ownerUrl, Buffer payload) {
        return client.request(request)
                .chain(outgoing -> outgoing.send(payload))
                .chain(answer -> answer.body().map(body -> {
                    // a 503 that is no problem of ours comes from the owner's HTTP server shutting down
                    String type = answer.getHeader("Content-Type");
                    boolean elsewhere = answer.statusCode() == 503 && (type == null || !type.startsWith(Problem.MEDIA_TYPE)
                            || body.toString().contains("/lot-elsewhere\""));
                    if (answer.statusCode() == 503) {
                        owners.remove(lotId); // it lost the lot, is stopping, or is busy: look it up again
                    }
                    var relayed = Response.status(answer.statusCode()).entity(body.getBytes());
                    for (String name : new String[] {"Content-Type", "Retry-After", "Location"}) {
                        String value = answer.getHeader(name);
                        if (value != null) {
                            relayed.header(name, value);
                        }
                    }
                    return new Forwarded(relayed.build(), elsewhere);
                }))
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(failure -> {
                    owners.remove(lotId);
                    unanswered(lotId, ownerUrl, failure);
                    Problem problem = Problem.of(503, "try-again", "Try again",
                            "The instance writing this lot did not answer; retry (a bid with the same Idempotency-Key).")
                            .with("retryAfterSeconds", 1);
                    // a slow owner may still answer the retry; one that cannot be reached has gone
                    return new Forwarded(Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", 1)
                            .entity(problem).build(), !(failure instanceof TimeoutException));
                });
    }

    /** Logged once per owner every few seconds: a dead owner's lease would otherwise log every retried bid. */
    private void unanswered(String lotId, String ownerUrl, Throwable failure) {
        Instant now = clock.instant();
        Instant last = warned.get(ownerUrl);
        if (last == null || last.plus(WARN_EVERY).isBefore(now)) {
            warned.put(ownerUrl, now);
            LOG.warnf("lot %s: the owner at %s did not answer a forwarded request: %s (said once per %ss)", lotId, ownerUrl,
                    failure.toString(), WARN_EVERY.toSeconds());
        } else {
            LOG.debugf("lot %s: the owner at %s did not answer a forwarded request: %s", lotId, ownerUrl, failure.toString());
        }
    }

    private static void copy(HttpHeaders from, RequestOptions to, String name) {
        String value = from.getHeaderString(name);
        if (value != null) {
            to.putHeader(name, value);
        }
    }
}
