package com.goodcar.auction.verification;

import com.goodcar.auction.bidding.Lots;
import com.goodcar.auction.log.BidLogChain;
import com.goodcar.auction.log.BidLogVerifier;
import com.goodcar.auction.log.LogEntry;
import com.goodcar.auction.log.PublishedLog;
import com.goodcar.auction.log.VerifyBidLog;
import com.goodcar.auction.lot.Ladders;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

/**
 * The tamper-evident bid log. While the lot runs, each entry shows the digest of its maximum; once
 * it is final, the maxima and the lot's salt are published too, so the whole auction can be
 * replayed (see {@link VerifyBidLog}).
 */
@Path("/auctions/{id}/log")
@Produces(MediaType.APPLICATION_JSON)
public class BidLogResource {

    private final Lots lots;
    private final Pool pool;

    BidLogResource(Lots lots, Pool pool) {
        this.lots = lots;
        this.pool = pool;
    }

    @GET
    @PermitAll
    @SecurityRequirements
    public Uni<PublishedLog> log(@PathParam("id") String lotId,
                                 @QueryParam("fromSeq") @DefaultValue("1") @Min(1) long fromSeq,
                                 @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit) {
        return lots.record(lotId).chain(record -> entries(lotId, fromSeq, limit).map(entries -> {
            boolean revealed = record.lot().status().isFinal();
            var shown = revealed ? entries : entries.stream().map(LogEntry::withoutMaximum).toList();
            Long next = entries.size() == limit ? entries.getLast().seq() + 1 : null;
            var rules = record.lot().rules();
            return new PublishedLog(lotId, record.lot().status().name(), BidLogChain.genesis(lotId),
                    record.lot().opensAt(), record.scheduledEndsAt(), rules.startPriceFen(),
                    revealed ? rules.reservePriceFen() : null, Ladders.format(rules.ladder()),
                    rules.softClose().toSeconds(), rules.maxPriceFen(), rules.maxRaiseFen(),
                    revealed ? record.salt() : null, shown, next);
        }));
    }

    /** The server's own check of the whole log (anyone can run the same with VerifyBidLog). */
    @GET
    @Path("verification")
    @PermitAll
    @SecurityRequirements
    public Uni<BidLogVerifier.Verification> verify(@PathParam("id") String lotId) {
        return lots.record(lotId).chain(record -> entries(lotId, 1, Integer.MAX_VALUE).map(entries -> {
            var lot = record.lot();
            if (!lot.status().isFinal()) {
                return BidLogVerifier.verifyChain(lotId, entries, null);
            }
            return BidLogVerifier.verifyAndReplay(lotId, lot.rules(), lot.opensAt(), record.scheduledEndsAt(),
                    entries, record.salt());
        }));
    }

    private Uni<List<LogEntry>> entries(String lotId, long fromSeq, int limit) {
        return pool.preparedQuery("""
                        select seq, at, bidder_code, max_digest, max_fen, price_fen, leader_code, ends_at, prev_hash, hash
                        from bid where lot_id = $1 and seq >= $2 order by seq limit $3""")
                .execute(Tuple.of(lotId, fromSeq, limit))
                .map(rows -> {
                    var entries = new ArrayList<LogEntry>(rows.size());
                    for (Row row : rows) {
                        entries.add(new LogEntry(row.getLong("seq"), lotId, row.getOffsetDateTime("at").toInstant(),
                                row.getString("bidder_code"), row.getString("max_digest"), row.getLong("max_fen"),
                                row.getLong("price_fen"), row.getString("leader_code"),
                                row.getOffsetDateTime("ends_at").toInstant(), row.getString("prev_hash"),
                                row.getString("hash")));
                    }
                    return entries;
                });
    }
}
