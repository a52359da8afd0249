package com.goodcar.auction.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.goodcar.auction.bidding.LotView;
import com.goodcar.auction.bidding.Lots;
import com.goodcar.kit.problem.Problem;
import com.goodcar.kit.problem.ProblemException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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

    StreamRoute(LotStream stream, Lots lots, ObjectMapper json) {
        this.stream = stream;
        this.lots = lots;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.get("/auctions/:id/stream").handler(this::watch);
    }

    private void watch(RoutingContext request) {
        String lotId = request.pathParam("id");
        Context loop = Vertx.currentContext();
        // the committed state, from this instance's writer if it runs one, else the row: a watcher
        // never claims the lot (a read takes no write lease); the writer's commits reach it from then on
        lots.view(lotId).subscribe().with(
                current -> loop.runOnContext(ignored -> start(request.response(), lotId, current)),
                failure -> loop.runOnContext(ignored -> refuse(request.response(), lotId, failure)));
    }

    private void start(HttpServerResponse response, String lotId, LotView current) {
        if (response.closed()) {
            return;
        }
        response.setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                // proxies (nginx) must not buffer a stream
                .putHeader("X-Accel-Buffering", "no");
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
