package com.goodcar.catalog.vehicle;

import com.goodcar.contracts.catalog.PriceChanged;
import com.goodcar.contracts.catalog.VehicleListed;
import com.goodcar.kit.idempotency.IdempotencyLock;
import com.goodcar.kit.outbox.Outbox;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Listing editions and changing their prices: the catalog's two changes other services hear of.
 * Each change and its integration event commit in one transaction on the reactive client, where
 * the outbox stages, so the catalog and its subscribers never disagree.
 */
@ApplicationScoped
public class EditionCatalog {

    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;

    EditionCatalog(Pool pool, Outbox outbox, Clock clock) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
    }

    Uni<Edition> list(String modelCode, NewEdition draft) {
        // what PostgreSQL stores, so the answer shows what a later read shows
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(connection -> IdempotencyLock.take(connection, "edition", "catalog", draft.code())
                .chain(() -> connection.preparedQuery("select brand, name from vehicle_model where code = $1")
                        .execute(Tuple.of(modelCode)))
                .map(models -> {
                    if (models.size() == 0) {
                        throw ProblemException.notFound("Model", modelCode);
                    }
                    return models.iterator().next();
                })
                .call(() -> connection.preparedQuery("select 1 from edition where code = $1")
                        .execute(Tuple.of(draft.code())).invoke(existing -> {
                            if (existing.size() > 0) {
                                throw ProblemException.conflict("edition-exists", "Edition exists",
                                        "An edition with code '" + draft.code() + "' is already listed.");
                            }
                        }))
                .chain(model -> {
                    var edition = new Edition();
                    edition.code = draft.code();
                    edition.modelCode = modelCode;
                    edition.name = draft.name().strip();
                    edition.description = draft.description().strip();
                    edition.listPriceFen = draft.listPriceFen();
                    edition.limitedQuantity = draft.limitedQuantity();
                    edition.listedAt = now;
                    edition.updatedAt = now;
                    return connection.preparedQuery("""
                                    insert into edition (code, model_code, name, description, list_price_fen,
                                                         limited_quantity, listed_at, updated_at)
                                    values ($1, $2, $3, $4, $5, $6, $7, $7)""")
                            .execute(Tuple.from(java.util.Arrays.asList(edition.code, modelCode, edition.name,
                                    edition.description, edition.listPriceFen, edition.limitedQuantity,
                                    now.atOffset(ZoneOffset.UTC))))
                            .chain(() -> outbox.stage(connection, new VehicleListed(edition.code, modelCode,
                                    model.getString("brand"), model.getString("name"), edition.name,
                                    edition.listPriceFen, edition.limitedQuantity, now), now))
                            .replaceWith(edition);
                }));
    }

    Uni<Edition> changePrice(String editionCode, PriceUpdate update, String operator) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String reason = update.reason().strip();
        // row lock: concurrent changes queue up, so each history entry names the price it replaced
        return pool.withTransaction(connection -> connection
                .preparedQuery("select * from edition where code = $1 for update").execute(Tuple.of(editionCode))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Edition", editionCode);
                    }
                    return edition(rows.iterator().next());
                })
                .chain(edition -> {
                    long previous = edition.listPriceFen;
                    edition.listPriceFen = Prices.change(previous, update.listPriceFen());
                    edition.updatedAt = now;
                    return connection.preparedQuery(
                                    "update edition set list_price_fen = $2, updated_at = $3 where code = $1")
                            .execute(Tuple.of(editionCode, edition.listPriceFen, now.atOffset(ZoneOffset.UTC)))
                            .chain(() -> connection.preparedQuery("""
                                            insert into price_change (edition_code, previous_price_fen, new_price_fen,
                                                                      reason, changed_by, changed_at)
                                            values ($1, $2, $3, $4, $5, $6)""")
                                    .execute(Tuple.from(java.util.List.of(editionCode, previous, edition.listPriceFen,
                                            reason, operator, now.atOffset(ZoneOffset.UTC)))))
                            .chain(() -> outbox.stage(connection, new PriceChanged(editionCode, previous,
                                    edition.listPriceFen, reason, now), now))
                            .replaceWith(edition);
                }));
    }

    private static Edition edition(Row row) {
        var edition = new Edition();
        edition.code = row.getString("code");
        edition.modelCode = row.getString("model_code");
        edition.name = row.getString("name");
        edition.description = row.getString("description");
        edition.listPriceFen = row.getLong("list_price_fen");
        edition.limitedQuantity = row.getInteger("limited_quantity");
        edition.listedAt = row.getOffsetDateTime("listed_at").toInstant();
        edition.updatedAt = row.getOffsetDateTime("updated_at").toInstant();
        return edition;
    }
}
