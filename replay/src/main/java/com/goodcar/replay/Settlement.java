package com.goodcar.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * After the hammer: the winner's order appears, the winner gives a delivery address near the
 * partner outlet, confirms and pays the price minus the deposit at the sandbox PSP; the store
 * network books the handover at that outlet, whose dealer confirms it and marks the car delivered.
 */
final class Settlement {

    /** Long enough for a consumer group to take a crashed member's partitions back (its session timeout, 45 s). */
    static final Duration WAIT = Duration.ofSeconds(150);

    static final String OUTLET = "OUT-000123"; // dave's outlet in the local realm (outlet_id claim)

    record Outcome(String orderId, long amountPaidFen, String bookingId, String state) {
    }

    private final Api api;
    private final Platform platform;
    private final Measurements measurements;
    private final Consumer<String> progress;

    Settlement(Api api, Platform platform, Measurements measurements, Consumer<String> progress) {
        this.api = api;
        this.platform = platform;
        this.measurements = measurements;
        this.progress = progress;
    }

    Outcome settle(String lotId, Keycloak.Person winner, Keycloak.Person dealer, Keycloak.Person operator, long depositFen) {
        long t0 = System.nanoTime();
        JsonNode order = Platform.await(WAIT, "the winner's order", () -> {
            for (JsonNode o : api.get(platform.orders() + "/orders", winner::token).orThrow("the winner's orders").path("items")) {
                if (lotId.equals(o.path("lotId").asText())) {
                    return o;
                }
            }
            return null;
        });
        measurements.step("order: created after the close", Deposits.micros(t0));
        String orderId = order.path("id").asText();
        progress.accept("order " + orderId + ": " + order.path("state").asText() + ", due "
                + Bidding.yuan(order.path("amountDueFen").asLong()) + " yuan (price " + Bidding.yuan(order.path("priceFen").asLong())
                + " − deposit " + Bidding.yuan(depositFen) + ")");

        // the dealer's outlet takes handovers (an operator lists it on a store network without the seeded
        // outlets, as a test's own database is); the winner lives next door
        if (api.get(platform.stores() + "/outlets/" + OUTLET, dealer::token).status() == 404) {
            api.put(platform.stores() + "/sites/" + OUTLET, operator::token, Map.of("id", OUTLET, "kind", "OUTLET",
                    "name", "Replay outlet " + OUTLET, "city", "Replay City", "address", "No. 1 Replay Road",
                    "latitude", 43.8, "longitude", 87.6, "hours", Map.of("opens", "00:00", "closes", "24:00", "days",
                            java.util.List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")),
                    "services", java.util.List.of(Map.of("capability", "VEHICLE_HANDOVER", "slotMinutes", 60, "perSlot", 4))))
                    .orThrow("listing the dealer's outlet");
        }
        api.put(platform.stores() + "/outlets/" + OUTLET + "/capacity/VEHICLE_HANDOVER", dealer::token,
                Map.of("slotMinutes", 60, "perSlot", 4)).orThrow("the dealer opening handover slots");
        JsonNode outlet = api.get(platform.stores() + "/outlets/" + OUTLET, dealer::token).orThrow("the dealer's outlet");
        api.put(platform.orders() + "/orders/" + orderId + "/delivery/address", winner::token, Map.of(
                "city", outlet.path("city").asText(), "address", "next to " + outlet.path("name").asText(),
                "latitude", outlet.path("latitude").asDouble(), "longitude", outlet.path("longitude").asDouble()))
                .orThrow("the delivery address");

        long t1 = System.nanoTime();
        api.post(platform.orders() + "/orders/" + orderId + "/confirm", winner::token, null, null).orThrow("confirming the order");
        JsonNode payment = api.post(platform.orders() + "/orders/" + orderId + "/pay", winner::token, null, null)
                .orThrow("paying the order");
        long amount = payment.path("amountFen").asLong();
        api.post(payment.path("payUrl").asText(), null, null, null).orThrow("paying at the PSP");
        Platform.await(WAIT, "the order paid", () -> state(orderId, winner).equals("PAID") ? true : null);
        measurements.step("order: confirmed and paid (the PSP's callback)", Deposits.micros(t1));

        long t2 = System.nanoTime();
        JsonNode handover = Platform.await(WAIT, "the handover booked", () -> {
            JsonNode h = api.get(platform.orders() + "/orders/" + orderId + "/delivery", winner::token)
                    .orThrow("the order's delivery").path("handover");
            return h.path("state").asText().equals("SCHEDULED") ? h : null;
        });
        measurements.step("handover: booked at the outlet", Deposits.micros(t2));
        String bookingId = handover.path("bookingId").asText();
        String site = handover.path("siteId").asText();
        if (!OUTLET.equals(site)) {
            throw new ReplayFailure("the handover went to " + site + ", not the winner's neighbour " + OUTLET);
        }
        long t3 = System.nanoTime();
        String booking = platform.stores() + "/outlets/" + OUTLET + "/bookings/" + bookingId;
        api.post(booking + "/confirm", dealer::token, null, null).orThrow("the dealer confirming the handover");
        api.post(booking + "/done", dealer::token, null, null).orThrow("the dealer handing the car over");
        String finalState = Platform.await(WAIT, "the order delivered",
                () -> state(orderId, winner).equals("DELIVERED") ? "DELIVERED" : null);
        measurements.step("delivery: handed over → order delivered", Deposits.micros(t3));
        return new Outcome(orderId, amount, bookingId, finalState);
    }

    private String state(String orderId, Keycloak.Person winner) {
        return api.get(platform.orders() + "/orders/" + orderId, winner::token).orThrow("the order").path("state").asText();
    }
}
