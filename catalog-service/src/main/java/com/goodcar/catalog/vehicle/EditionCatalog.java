package com.goodcar.catalog.vehicle;

import com.goodcar.contracts.catalog.PriceChanged;
import com.goodcar.contracts.catalog.VehicleListed;
import com.goodcar.kit.outbox.Outbox;
import com.goodcar.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;

/**
 * Listing editions and changing their prices. Each change and its integration event are written in
 * the caller's transaction, so the catalog and its subscribers never disagree.
 */
@ApplicationScoped
public class EditionCatalog {

    private final Outbox outbox;
    private final Clock clock;

    EditionCatalog(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    Uni<Edition> list(String modelCode, NewEdition draft) {
        return CodeLock.take("edition", draft.code()).chain(() -> VehicleModel.<VehicleModel>findById(modelCode))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Model", modelCode))
                .chain(model -> Edition.<Edition>findById(draft.code()).map(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("edition-exists", "Edition exists",
                                "An edition with code '" + draft.code() + "' is already listed.");
                    }
                    return model;
                }))
                .chain(model -> {
                    var edition = new Edition();
                    edition.code = draft.code();
                    edition.modelCode = model.code;
                    edition.name = draft.name().strip();
                    edition.description = draft.description().strip();
                    edition.listPriceFen = draft.listPriceFen();
                    edition.limitedQuantity = draft.limitedQuantity();
                    edition.listedAt = clock.instant();
                    edition.updatedAt = edition.listedAt;
                    return edition.<Edition>persist()
                            .call(() -> outbox.stage(new VehicleListed(edition.code, model.code, model.brand,
                                    model.name, edition.name, edition.listPriceFen, edition.limitedQuantity,
                                    edition.listedAt)));
                });
    }

    Uni<Edition> changePrice(String editionCode, PriceUpdate update, String operator) {
        // row lock: concurrent changes queue up, so each history entry names the price it replaced
        return Edition.<Edition>findById(editionCode, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Edition", editionCode))
                .chain(edition -> {
                    long previous = edition.listPriceFen;
                    edition.listPriceFen = Prices.change(previous, update.listPriceFen());
                    edition.updatedAt = clock.instant();
                    var change = new PriceChange();
                    change.editionCode = edition.code;
                    change.previousPriceFen = previous;
                    change.newPriceFen = edition.listPriceFen;
                    change.reason = update.reason().strip();
                    change.changedBy = operator;
                    change.changedAt = edition.updatedAt;
                    return change.persist()
                            .call(() -> outbox.stage(new PriceChanged(edition.code, previous, edition.listPriceFen,
                                    change.reason, change.changedAt)))
                            .replaceWith(edition);
                });
    }
}
