package com.goodcar.auction.stream;

import com.goodcar.auction.bidding.LotWriters;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/auctions/{id}/stream")
public class StreamResource {

    private final LotStream stream;
    private final LotWriters writers;

    StreamResource(LotStream stream, LotWriters writers) {
        this.stream = stream;
        this.writers = writers;
    }

    /**
     * Server-Sent Events: the lot's state (price, leader code, end time, bid count) now and after
     * every change. A slow watcher skips to the newest state; it never builds up a backlog.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<String> watch(@PathParam("id") String lotId) {
        return writers.liveView(lotId).onItem().transformToMulti(current -> stream.watch(lotId, current));
    }
}
