package com.goodcar.order.sale;

import com.goodcar.contracts.EventTypes;
import com.goodcar.contracts.catalog.PriceChanged;
import com.goodcar.contracts.catalog.VehicleListed;
import com.goodcar.kit.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The editions catalog-service lists (catalog.editions), so that a sale is scheduled only for one
 * that exists. A price change names its edition too, and may be the first event of it seen here.
 */
@ApplicationScoped
public class Editions {

    private static final Set<String> TYPES = Set.of(EventTypes.VEHICLE_LISTED.type(), EventTypes.PRICE_CHANGED.type());

    private final Inbox inbox;

    Editions(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("catalog-editions")
    public Uni<Void> onEditionEvent(String message) {
        return inbox.consume("order-editions", message, TYPES, (connection, event) -> switch (event.data()) {
            case VehicleListed listed -> SaleRows.upsertEdition(connection, listed.editionCode(), listed.modelCode(),
                    listed.editionName(), listed.listPriceFen(), listed.listedAt().truncatedTo(ChronoUnit.MICROS));
            case PriceChanged changed -> SaleRows.upsertEdition(connection, changed.editionCode(), null, null,
                    changed.newPriceFen(), changed.changedAt().truncatedTo(ChronoUnit.MICROS));
            default -> Uni.createFrom().voidItem();
        }).replaceWithVoid();
    }
}
