package com.goodcar.order.handover;

import com.goodcar.contracts.EventTypes;
import com.goodcar.contracts.store.HandoverScheduled;
import com.goodcar.contracts.store.HandoverUnassigned;
import com.goodcar.contracts.store.VehicleDelivered;
import com.goodcar.kit.inbox.Inbox;
import com.goodcar.order.order.Delivery;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * What the store network did with a paid car: a handover slot (shown with the order), no site
 * (the order is listed stuck, NO_HANDOVER_SITE, until an operator assigns one), or the car handed
 * over at the site: the order is delivered.
 */
@ApplicationScoped
public class Handovers {

    private static final Logger LOG = Logger.getLogger(Handovers.class);
    private static final Set<String> TYPES = Set.of(EventTypes.HANDOVER_SCHEDULED.type(),
            EventTypes.HANDOVER_UNASSIGNED.type(), EventTypes.VEHICLE_DELIVERED.type());

    private final Inbox inbox;
    private final Delivery delivery;
    private final Clock clock;

    Handovers(Inbox inbox, Delivery delivery, Clock clock) {
        this.inbox = inbox;
        this.delivery = delivery;
        this.clock = clock;
    }

    @Incoming("store-handovers")
    public Uni<Void> onHandoverEvent(String message) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return inbox.consume("order-handovers", message, TYPES, (connection, event) -> switch (event.data()) {
            case HandoverScheduled s -> DeliveryRows.handover(connection, s.orderId(), "SCHEDULED", null, s.bookingId(),
                    s.siteId(), s.siteName(), s.slotStart(), now)
                    .invoke(() -> LOG.infof("order %s: handover at %s, %s", s.orderId(), s.siteId(), s.slotStart()));
            case HandoverUnassigned u -> DeliveryRows.handover(connection, u.orderId(), "UNASSIGNED", u.reason(), null,
                    null, null, null, now)
                    .invoke(() -> LOG.warnf("order %s: no site can take the car (%s); stuck until an operator assigns one",
                            u.orderId(), u.reason()));
            case VehicleDelivered d -> delivery.deliveredBySite(connection, d.orderId(), d.deliveredAt());
            default -> Uni.createFrom().voidItem();
        }).replaceWithVoid();
    }
}
