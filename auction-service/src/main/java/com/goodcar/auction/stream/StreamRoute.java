package com.goodcar.auction.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.goodcar.auction.bidding.LotView;
import com.goodcar.auction.bidding.Lots;
import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code GET /auctions/{id}/stream}, Server-Sent Events: the lot's state (price, leader code, end
 * time, bid count) now and after every change. A plain Vert.x route, not a REST resource, so that
 * {@link LotStream} writes each frame straight to the connections (documented in
 * META-INF/openapi.yaml).
 */
@ApplicationScoped
public class StreamRoute {

    private static final Logger LOG = Logger.getLogger(StreamRoute.class);

    private final LotStream stream;
    private final Lots lots;
    private final ObjectMapper json;
    private final Pool pool;

    StreamRoute(LotStream stream, Lots lots, ObjectMapper json, Pool pool) {
        this.stream = stream;
        this.lots = lots;
        this.json = json;
        this.pool = pool;
    }

    /** A bid a reconnecting watcher missed, as the public history shows it (never a maximum). */
    record MissedBid(long seq, Instant at, String bidderCode, long priceFen, String leaderCode) {
    }

    /** At most this many missed bids are replayed; further back, the history endpoint has them. */
    static final int CATCH_UP_LIMIT = 1_000;

    void install(@Observes Router router) {
        router.get("/auctions/:id/stream").handler(this::watch);
    }

    private void watch(RoutingContext request) {
        String lotId = request.pathParam("id");
        long lastSeen = lastEventId(request.request().getHeader("Last-Event-ID"));
        Context loop = Vertx.currentContext();
        // the committed state, from this instance's writer if it runs one, else the row: a watcher
        // never claims the lot (a read takes no write lease); the writer's commits reach it from then on
        lots.view(lotId).chain(current -> missed(lotId, lastSeen, current.lastSeq()).map(bids -> Map.entry(current, bids)))
                .subscribe().with(
                        found -> loop.runOnContext(ignored -> start(request.response(), lotId, found.getKey(), found.getValue())),
                        failure -> loop.runOnContext(ignored -> refuse(request.response(), lotId, failure)));
    }

    /** The id a reconnecting EventSource sent back, or -1: anything but a bid sequence is ignored. */
    static long lastEventId(String header) {
        if (header == null || header.isBlank() || header.length() > 18 || !header.strip().chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(header.strip());
    }

    /** The bids after the one the watcher last saw, up to the state it gets now: no price is skipped. */
    private Uni<List<MissedBid>> missed(String lotId, long lastSeen, long upTo) {
        if (lastSeen < 0 || lastSeen >= upTo) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("""
                        select seq, at, bidder_code, price_fen, leader_code from bid
                        where lot_id = $1 and seq > $2 and seq <= $3 order by seq desc limit $4""")
                .execute(Tuple.of(lotId, lastSeen, upTo, CATCH_UP_LIMIT))
                .map(rows -> {
                    var bids = new ArrayList<MissedBid>();
                    for (Row row : rows) {
                        bids.add(new MissedBid(row.getLong("seq"), row.getOffsetDateTime("at").toInstant(),
                                row.getString("bidder_code"), row.getLong("price_fen"), row.getString("leader_code")));
                    }
                    Collections.reverse(bids); // the newest were kept; sent oldest first
                    return bids;
                });
    }

    private void start(HttpServerResponse response, String lotId, LotView current, List<MissedBid> missed) {
        if (response.closed()) {
            return;
        }
        response.setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                // proxies (nginx) must not buffer a stream
                .putHeader("X-Accel-Buffering", "no");
        if (!missed.isEmpty()) {
            try {
                response.write("event:bids\ndata:" + json.writeValueAsString(missed) + "\n\n");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the missed bids", e);
            }
        }
        stream.watch(lotId, response, current);
    }

    private void refuse(HttpServerResponse response, String lotId, Throwable failure) {
        Problem problem;
        if (failure instanceof ProblemException known) {
            problem = known.problem();
        } else {
            LOG.errorf(failure, "lot %s: cannot stream", lotId);
            problem = Problem.of(503, "unavailable", "Unavailable", "The lot cannot be streamed now; retry.");
        }
        if (response.closed()) {
            return;
        }
        try {
            response.setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem.at("/auctions/" + lotId + "/stream")));
        } catch (JsonProcessingException e) {
            response.setStatusCode(500).end();
        }
    }
}
