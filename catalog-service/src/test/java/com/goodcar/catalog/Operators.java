package com.goodcar.catalog;

import static io.restassured.RestAssured.given;

import com.goodcar.kit.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Requests as the platform's people: olga the operator, alice/bob/carol the buyers. */
public final class Operators {

    private Operators() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    public static Map<String, Object> specification(String name, int rangeKm) {
        return Map.ofEntries(
                Map.entry("brand", "Test Motors"), Map.entry("name", name), Map.entry("bodyType", "SUV"),
                Map.entry("rangeKm", rangeKm), Map.entry("battery", "LFP 60 kWh"), Map.entry("batterySwapSeconds", 120),
                Map.entry("cockpit", "basic"), Map.entry("wheelbaseMm", 2800), Map.entry("rearLegroomMm", 900),
                Map.entry("lateralSpaceMm", 1400), Map.entry("recliningFrontSeats", false),
                Map.entry("priceGuideMinFen", 15_000_000L), Map.entry("priceGuideMaxFen", 18_000_000L));
    }

    public static void createModel(String code, int rangeKm) {
        as("olga").body(Map.of("code", code, "specification", specification("Model " + code, rangeKm)))
                .post("/models").then().statusCode(201);
    }

    public static void listEdition(String modelCode, String editionCode, long priceFen) {
        as("olga").body(Map.of("code", editionCode, "name", "Edition " + editionCode,
                        "description", "For tests", "listPriceFen", priceFen))
                .post("/models/" + modelCode + "/editions").then().statusCode(201);
    }
}
