package com.goodcar.stores;

import static io.restassured.RestAssured.given;

import com.goodcar.kit.testing.Tokens;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sites a test writes through the operator API, far from the generated network (the Dzungarian
 * desert, hundreds of kilometres from any seeded city), so that searches near them find only them.
 */
public final class TestSites {

    /** A point no generated site is near: each test class adds its own multiple of 3 degrees of latitude. */
    public static final double LATITUDE = 46.5;
    public static final double LONGITUDE = 80.0;

    private TestSites() {
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json");
    }

    /** Open around the clock every day; each capability in one-hour slots of {@code perSlot} places. */
    public static String put(String id, double latitude, double longitude, int perSlot, String... capabilities) {
        var services = new ArrayList<Map<String, Object>>();
        for (String capability : capabilities) {
            services.add(Map.of("capability", capability, "slotMinutes", 60, "perSlot", perSlot));
        }
        as("olga").body(site(id, latitude, longitude, services)).put("/sites/" + id).then().statusCode(200);
        return id;
    }

    public static Map<String, Object> site(String id, double latitude, double longitude, List<Map<String, Object>> services) {
        return Map.of("id", id, "kind", id.startsWith("OUT") ? "OUTLET" : "STORE", "name", "Test site " + id,
                "city", "Test City", "address", "No. 1 Test Road", "latitude", latitude, "longitude", longitude,
                "hours", Map.of("opens", "00:00", "closes", "24:00", "days", List.of("MONDAY", "TUESDAY", "WEDNESDAY",
                        "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")),
                "services", services);
    }

    /** A whole hour (a slot of every test site), {@code hours} from now. */
    public static Instant slot(int hours) {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(hours));
    }

    /** A whole local hour of a day ahead, in the platform's zone. */
    public static Instant localSlot(int daysAhead, int hour) {
        var zone = java.time.ZoneId.of("Asia/Shanghai");
        return java.time.LocalDate.now(zone).plusDays(daysAhead).atTime(hour, 0).atZone(zone).toInstant();
    }
}
