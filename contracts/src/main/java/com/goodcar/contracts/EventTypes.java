package com.goodcar.contracts;

import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.contracts.auction.AuctionExtended;
import com.goodcar.contracts.auction.AuctionPriceChanged;
import com.goodcar.contracts.auction.AuctionScheduled;
import com.goodcar.contracts.catalog.PriceChanged;
import com.goodcar.contracts.deposit.DepositApplied;
import com.goodcar.contracts.deposit.DepositForfeited;
import com.goodcar.contracts.deposit.DepositHeld;
import com.goodcar.contracts.deposit.DepositRefunded;
import com.goodcar.contracts.deposit.DepositReleased;
import com.goodcar.contracts.catalog.VehicleListed;
import com.goodcar.contracts.order.OrderCancelled;
import com.goodcar.contracts.order.OrderCreated;
import com.goodcar.contracts.order.OrderDelivered;
import com.goodcar.contracts.order.OrderPaid;
import com.goodcar.contracts.order.OrderPaymentExpired;
import com.goodcar.contracts.order.RunnerUpReleased;
import com.goodcar.contracts.store.HandoverScheduled;
import com.goodcar.contracts.store.HandoverUnassigned;
import com.goodcar.contracts.store.VehicleDelivered;
import com.goodcar.contracts.store.BookingMade;
import com.goodcar.contracts.store.BookingRescheduled;
import com.goodcar.contracts.store.BookingCancelled;
import com.goodcar.contracts.store.BookingConfirmed;
import com.goodcar.contracts.store.BookingDone;
import com.goodcar.contracts.store.CaseOpened;
import com.goodcar.contracts.store.CaseAnswered;
import com.goodcar.contracts.store.CaseClosed;
import java.util.List;
import java.util.Optional;

/** Every integration event of the platform: the registry consumers decode by. */
public final class EventTypes {

    public static final EventType<VehicleListed> VEHICLE_LISTED =
            new EventType<>("catalog.vehicle-listed", 1, Topics.CATALOG_EDITIONS, VehicleListed.class);
    public static final EventType<PriceChanged> PRICE_CHANGED =
            new EventType<>("catalog.price-changed", 1, Topics.CATALOG_EDITIONS, PriceChanged.class);

    public static final EventType<AuctionScheduled> AUCTION_SCHEDULED =
            new EventType<>("auction.scheduled", 1, Topics.AUCTION_LOTS, AuctionScheduled.class);
    public static final EventType<AuctionPriceChanged> AUCTION_PRICE_CHANGED =
            new EventType<>("auction.price-changed", 1, Topics.AUCTION_LOTS, AuctionPriceChanged.class);
    public static final EventType<AuctionExtended> AUCTION_EXTENDED =
            new EventType<>("auction.extended", 1, Topics.AUCTION_LOTS, AuctionExtended.class);
    public static final EventType<AuctionClosed> AUCTION_CLOSED =
            new EventType<>("auction.closed", 1, Topics.AUCTION_LOTS, AuctionClosed.class);
    public static final EventType<DepositHeld> DEPOSIT_HELD =
            new EventType<>("deposit.held", 1, Topics.DEPOSIT_HOLDS, DepositHeld.class);
    public static final EventType<DepositReleased> DEPOSIT_RELEASED =
            new EventType<>("deposit.released", 1, Topics.DEPOSIT_HOLDS, DepositReleased.class);
    public static final EventType<DepositApplied> DEPOSIT_APPLIED =
            new EventType<>("deposit.applied", 1, Topics.DEPOSIT_HOLDS, DepositApplied.class);
    public static final EventType<DepositForfeited> DEPOSIT_FORFEITED =
            new EventType<>("deposit.forfeited", 1, Topics.DEPOSIT_HOLDS, DepositForfeited.class);
    public static final EventType<DepositRefunded> DEPOSIT_REFUNDED =
            new EventType<>("deposit.refunded", 1, Topics.DEPOSIT_HOLDS, DepositRefunded.class);

    public static final EventType<OrderCreated> ORDER_CREATED =
            new EventType<>("order.created", 1, Topics.ORDER_ORDERS, OrderCreated.class);
    public static final EventType<OrderPaid> ORDER_PAID =
            new EventType<>("order.paid", 1, Topics.ORDER_ORDERS, OrderPaid.class);
    public static final EventType<OrderPaymentExpired> ORDER_PAYMENT_EXPIRED =
            new EventType<>("order.payment-expired", 1, Topics.ORDER_ORDERS, OrderPaymentExpired.class);
    public static final EventType<OrderCancelled> ORDER_CANCELLED =
            new EventType<>("order.cancelled", 1, Topics.ORDER_ORDERS, OrderCancelled.class);
    public static final EventType<OrderDelivered> ORDER_DELIVERED =
            new EventType<>("order.delivered", 1, Topics.ORDER_ORDERS, OrderDelivered.class);
    public static final EventType<RunnerUpReleased> RUNNER_UP_RELEASED =
            new EventType<>("order.runner-up-released", 1, Topics.ORDER_ORDERS, RunnerUpReleased.class);

    public static final EventType<HandoverScheduled> HANDOVER_SCHEDULED =
            new EventType<>("store.handover-scheduled", 1, Topics.STORE_HANDOVERS, HandoverScheduled.class);
    public static final EventType<HandoverUnassigned> HANDOVER_UNASSIGNED =
            new EventType<>("store.handover-unassigned", 1, Topics.STORE_HANDOVERS, HandoverUnassigned.class);
    public static final EventType<VehicleDelivered> VEHICLE_DELIVERED =
            new EventType<>("store.vehicle-delivered", 1, Topics.STORE_HANDOVERS, VehicleDelivered.class);
    public static final EventType<BookingMade> BOOKING_MADE =
            new EventType<>("store.booking-made", 1, Topics.STORE_BOOKINGS, BookingMade.class);
    public static final EventType<BookingRescheduled> BOOKING_RESCHEDULED =
            new EventType<>("store.booking-rescheduled", 1, Topics.STORE_BOOKINGS, BookingRescheduled.class);
    public static final EventType<BookingCancelled> BOOKING_CANCELLED =
            new EventType<>("store.booking-cancelled", 1, Topics.STORE_BOOKINGS, BookingCancelled.class);
    public static final EventType<BookingConfirmed> BOOKING_CONFIRMED =
            new EventType<>("store.booking-confirmed", 1, Topics.STORE_BOOKINGS, BookingConfirmed.class);
    public static final EventType<BookingDone> BOOKING_DONE =
            new EventType<>("store.booking-done", 1, Topics.STORE_BOOKINGS, BookingDone.class);
    public static final EventType<CaseOpened> CASE_OPENED =
            new EventType<>("store.case-opened", 1, Topics.STORE_CASES, CaseOpened.class);
    public static final EventType<CaseAnswered> CASE_ANSWERED =
            new EventType<>("store.case-answered", 1, Topics.STORE_CASES, CaseAnswered.class);
    public static final EventType<CaseClosed> CASE_CLOSED =
            new EventType<>("store.case-closed", 1, Topics.STORE_CASES, CaseClosed.class);

    public static final List<EventType<?>> ALL = List.of(VEHICLE_LISTED, PRICE_CHANGED, AUCTION_SCHEDULED,
            AUCTION_PRICE_CHANGED, AUCTION_EXTENDED, AUCTION_CLOSED, DEPOSIT_HELD, DEPOSIT_RELEASED, DEPOSIT_APPLIED,
            DEPOSIT_FORFEITED, DEPOSIT_REFUNDED, ORDER_CREATED, ORDER_PAID, ORDER_PAYMENT_EXPIRED, ORDER_CANCELLED,
            ORDER_DELIVERED, RUNNER_UP_RELEASED,
            HANDOVER_SCHEDULED, HANDOVER_UNASSIGNED, VEHICLE_DELIVERED, BOOKING_MADE, BOOKING_RESCHEDULED, BOOKING_CANCELLED,
            BOOKING_CONFIRMED, BOOKING_DONE, CASE_OPENED, CASE_ANSWERED, CASE_CLOSED);

    private EventTypes() {
    }

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static <T extends IntegrationEvent> EventType<T> of(T payload) {
        return (EventType<T>) ALL.stream()
                .filter(t -> t.payload() == payload.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a registered event: " + payload.getClass()));
    }
}
