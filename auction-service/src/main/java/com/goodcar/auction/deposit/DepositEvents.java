package com.goodcar.auction.deposit;

import com.goodcar.contracts.EventEnvelope;
import com.goodcar.contracts.deposit.DepositHeld;
import com.goodcar.contracts.deposit.DepositReleased;
import com.goodcar.kit.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** deposit.held.v1 makes a buyer eligible on a lot, deposit.released.v1 ends it; each event counts once. */
@ApplicationScoped
public class DepositEvents {

    private final Inbox inbox;
    private final Holds holds;

    DepositEvents(Inbox inbox, Holds holds) {
        this.inbox = inbox;
        this.holds = holds;
    }

    @Incoming("deposit-holds")
    public Uni<Void> onHoldEvent(String message) {
        var changed = new AtomicReference<Change>();
        return inbox.consume("auction-holds", message, (connection, event) -> {
            Change change = change(event);
            if (change == null) {
                return Uni.createFrom().voidItem();
            }
            return holds.record(connection, change.lotId(), change.userId(), change.holdId(), change.active(),
                    event.time()).invoke(recorded -> changed.set(recorded ? change : null)).replaceWithVoid();
        }).invoke(applied -> {
            Change change = changed.get();
            if (applied && change != null) {
                holds.notifyWriter(change.lotId(), change.userId(), change.active());
            }
        }).replaceWithVoid();
    }

    private static Change change(EventEnvelope<?> event) {
        return switch (event.data()) {
            case DepositHeld held -> new Change(held.lotId(), held.userId(), held.holdId(), true);
            case DepositReleased released -> new Change(released.lotId(), released.userId(), released.holdId(), false);
            default -> null;
        };
    }

    private record Change(String lotId, String userId, String holdId, boolean active) {
    }
}
