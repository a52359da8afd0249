package com.goodcar.stores.search;

import static com.goodcar.stores.TestSites.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TestDatabase;
import com.goodcar.stores.TestSites;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Search over the whole generated network (43,000 sites, as ./platform up seeds it): the answers are
 * the true nearest ones, checked against a distance computed here for every site of the capability.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "stores"))
class SearchTest {

    private static final double EARTH_METRES = 6_371_008.8;

    record Point(String id, double latitude, double longitude) {
    }

    @Test
    void theNetworkIsSeededOnce() {
        assertEquals(43_000, TestDatabase.number("select count(*) from site where id ~ '^(STO|OUT)-'"));
        assertEquals(1, TestDatabase.number("select count(*) from network_seed"));
    }

    @Test
    void answersAreTheNearestSitesWithTheCapabilityNearestFirst() {
        var random = new SplittableRandom(7);
        for (String capability : List.of("BATTERY_SWAP", "VEHICLE_HANDOVER", "MAINTENANCE")) {
            List<Point> all = sitesWith(capability);
            for (int i = 0; i < 8; i++) {
                // around a seeded city, or anywhere in China's box
                double latitude = i % 2 == 0 ? 22 + random.nextDouble() * 18 : 31.2304 + random.nextDouble() - 0.5;
                double longitude = i % 2 == 0 ? 100 + random.nextDouble() * 22 : 121.4737 + random.nextDouble() - 0.5;
                JsonPath found = as("alice").queryParams(Map.of("latitude", latitude, "longitude", longitude,
                        "capability", capability, "limit", 10)).get("/sites/nearest").then().statusCode(200)
                        .extract().jsonPath();
                List<String> ids = found.getList("site.id");
                List<Integer> metres = found.getList("distanceMetres");
                assertEquals(10, ids.size());
                for (int k = 1; k < metres.size(); k++) {
                    assertTrue(metres.get(k) >= metres.get(k - 1) * 0.995, "nearest first: " + metres);
                }
                var returned = new HashSet<>(ids);
                double farthest = metres.getLast();
                for (Point site : all) {
                    double d = metres(latitude, longitude, site.latitude(), site.longitude());
                    if (returned.contains(site.id())) {
                        int reported = metres.get(ids.indexOf(site.id()));
                        assertTrue(Math.abs(d - reported) <= 0.005 * d + 1, site.id() + ": " + reported + " m vs " + d);
                    } else {
                        assertTrue(d >= farthest * 0.995, site.id() + " at " + d + " m is nearer than the 10th, "
                                + farthest + " m, yet not returned");
                    }
                }
            }
        }
    }

    @Test
    void theQueryWalksTheSpatialIndex() {
        String plan = as("olga").queryParams(Map.of("latitude", 23.13, "longitude", 113.26, "capability", "BATTERY_SWAP",
                "freeOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString(), "openAt",
                java.time.Instant.now().toString())).get("/bench/plan").then().statusCode(200).extract().asString();
        assertTrue(plan.contains("Index Scan using site_near_battery_swap"), plan);
        assertTrue(plan.contains("Order By: (location <->"), plan);
        assertTrue(!plan.contains("Seq Scan on site") && !plan.contains("Sort Key"), plan);
    }

    @Test
    void onlySitesOpenAtTheInstantWithAFreeSlotWithinTheDistance() {
        double latitude = TestSites.LATITUDE, longitude = TestSites.LONGITUDE;
        String near = TestSites.put(TestSites.id("SRCH"), latitude, longitude + 0.01, 1, "MAINTENANCE");
        String weekdays = TestSites.id("SRCH");
        as("olga").body(Map.of("id", weekdays, "kind", "STORE", "name", "Weekday site", "city", "Test City", "address",
                "No. 2 Test Road", "latitude", latitude, "longitude", longitude + 0.02, "hours", Map.of("opens", "09:00",
                        "closes", "17:00", "days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")),
                "services", List.of(Map.of("capability", "MAINTENANCE", "slotMinutes", 60, "perSlot", 1))))
                .put("/sites/" + weekdays).then().statusCode(200);
        String far = TestSites.put(TestSites.id("SRCH"), latitude, longitude + 0.5, 1, "MAINTENANCE");

        assertEquals(List.of(near, weekdays, far), ids(Map.of("latitude", latitude, "longitude", longitude,
                "capability", "MAINTENANCE", "limit", 3)));
        // a Sunday noon in Shanghai: the weekday site is closed
        assertEquals(List.of(near, far), ids(Map.of("latitude", latitude, "longitude", longitude,
                "capability", "MAINTENANCE", "limit", 2, "openAt", "2026-12-06T04:00:00Z")));
        assertEquals(List.of(near, weekdays), ids(Map.of("latitude", latitude, "longitude", longitude,
                "capability", "MAINTENANCE", "limit", 3, "withinKm", 10)));

        // every slot of tomorrow at the nearest site is full: it has no free slot that day
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        TestDatabase.number("""
                with filled as (insert into slot_load (site_id, capability, slot_start, booked)
                  select ?, 'MAINTENANCE', g, 1
                    from generate_series((?::date)::timestamp at time zone 'Asia/Shanghai',
                                         (?::date)::timestamp at time zone 'Asia/Shanghai' + interval '23 hours',
                                         interval '1 hour') g returning 1)
                select count(*) from filled""", near, tomorrow.toString(), tomorrow.toString());
        assertEquals(List.of(weekdays, far).subList(tomorrow.getDayOfWeek().getValue() <= 5 ? 0 : 1, 2), ids(Map.of(
                "latitude", latitude, "longitude", longitude, "capability", "MAINTENANCE", "limit", 3, "withinKm", 100,
                "freeOn", tomorrow.toString())));

        as("olga").post("/sites/" + far + "/close").then().statusCode(200).body("closedAt", org.hamcrest.Matchers.notNullValue());
        assertEquals(List.of(near, weekdays), ids(Map.of("latitude", latitude, "longitude", longitude,
                "capability", "MAINTENANCE", "limit", 3)).subList(0, 2));
        assertTrue(!ids(Map.of("latitude", latitude, "longitude", longitude, "capability", "MAINTENANCE", "limit", 3))
                .contains(far), "a closed site is never found");
    }

    @Test
    void badQueriesAreProblemsThatSayWhatIsWrong() {
        as("alice").get("/sites/nearest?latitude=91&longitude=10&capability=MAINTENANCE").then().statusCode(422)
                .body("title", is("Not a point on Earth"));
        as("alice").get("/sites/nearest?latitude=10&longitude=181&capability=MAINTENANCE").then().statusCode(422);
        as("alice").get("/sites/nearest?latitude=10&longitude=10&capability=CAR_WASH").then().statusCode(422)
                .body("detail", containsString("BATTERY_SWAP"));
        as("alice").get("/sites/nearest?latitude=10&longitude=10&capability=MAINTENANCE&limit=51").then().statusCode(422);
        as("alice").get("/sites/nearest?latitude=10&longitude=10&capability=MAINTENANCE&freeOn=2020-01-01").then()
                .statusCode(422).body("title", is("Day out of range"));
        as("alice").get("/sites/nearest?latitude=10&longitude=10&capability=MAINTENANCE&openAt=tomorrow").then()
                .statusCode(422);
        io.restassured.RestAssured.given().get("/sites/nearest?latitude=10&longitude=10&capability=MAINTENANCE").then()
                .statusCode(401);
    }

    private static List<String> ids(Map<String, Object> query) {
        return as("alice").queryParams(query).get("/sites/nearest").then().statusCode(200).extract().jsonPath()
                .getList("site.id");
    }

    private static List<Point> sitesWith(String capability) {
        return Arrays.stream(TestDatabase.text("select id || ',' || ST_Y(location::geometry) || ',' || ST_X(location::geometry)"
                        + " from site where closed_at is null and ? = any(capabilities)", capability).split("\n"))
                .map(line -> line.split(","))
                .map(f -> new Point(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2])))
                .collect(Collectors.toList());
    }

    /** Great-circle distance on the mean sphere: within 0.5 % of the spheroid distance PostGIS reports. */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_METRES * Math.asin(Math.sqrt(a));
    }
}
