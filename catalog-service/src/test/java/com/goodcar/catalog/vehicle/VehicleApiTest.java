package com.goodcar.catalog.vehicle;

import static com.goodcar.catalog.Operators.as;
import static com.goodcar.catalog.Operators.createModel;
import static com.goodcar.catalog.Operators.listEdition;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import com.goodcar.kit.testing.RealStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class VehicleApiTest {

    @Test
    void theSeededAionUtSuperCarriesItsPublishedSpecification() {
        given().get("/models/AION-UT-SUPER").then()
                .statusCode(200)
                .body("specification.brand", is("GAC Aion"))
                .body("specification.rangeKm", is(500))
                .body("specification.batterySwapSeconds", is(99))
                .body("specification.battery", containsString("chocolate"))
                .body("specification.cockpit", containsString("GAC-Huawei"))
                .body("specification.wheelbaseMm", is(2750))
                .body("specification.rearLegroomMm", is(905))
                .body("specification.lateralSpaceMm", is(1385))
                .body("specification.recliningFrontSeats", is(true))
                .body("specification.priceGuideMinFen", is(10_000_000))
                .body("specification.priceGuideMaxFen", is(12_000_000))
                .body("editions.code", hasItems("AION-UT-SUPER-NGC001", "AION-UT-SUPER-STD"));

        given().get("/editions/AION-UT-SUPER-NGC001").then()
                .statusCode(200)
                .body("name", is("National Good Car No. 001"))
                .body("limitedQuantity", is(1));
    }

    @Test
    void modelsArePagedAndFiltered() {
        createModel("PAGE-LONG-RANGE", 820);
        createModel("PAGE-SHORT-RANGE", 310);

        given().queryParam("minRangeKm", 800).get("/models").then()
                .statusCode(200)
                .body("items.code", contains("PAGE-LONG-RANGE"))
                .body("total", is(1));

        given().queryParam("brand", "Test Motors").queryParam("size", 1).queryParam("page", 1).get("/models").then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("page", is(1))
                .body("size", is(1));

        given().queryParam("size", 1000).get("/models").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("size must be between 1 and 100"));
    }

    @Test
    void anOperatorListsAnEditionAndChangesItsPriceWithHistory() {
        createModel("PRICE-MODEL", 600);
        listEdition("PRICE-MODEL", "PRICE-MODEL-STD", 15_990_000L);

        as("olga").body(Map.of("listPriceFen", 14_990_000L, "reason", "Double 11 price"))
                .put("/editions/PRICE-MODEL-STD/price").then()
                .statusCode(200)
                .body("listPriceFen", is(14_990_000));

        given().get("/editions/PRICE-MODEL-STD/prices").then()
                .statusCode(200)
                .body("previousPriceFen", contains(15_990_000))
                .body("newPriceFen", contains(14_990_000))
                .body("reason", contains("Double 11 price"));

        given().queryParam("model", "PRICE-MODEL").queryParam("maxPriceFen", 15_000_000L).get("/editions").then()
                .body("items.code", contains("PRICE-MODEL-STD"));
    }

    @Test
    void conflictsAndUnknownsAreProblemsWithADetail() {
        createModel("DUPLICATE-MODEL", 400);
        as("olga").body(Map.of("code", "DUPLICATE-MODEL", "specification",
                        com.goodcar.catalog.Operators.specification("again", 400)))
                .post("/models").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("https://goodcar.example/problems/model-exists"));

        given().get("/models/NO-SUCH-MODEL").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", is("No model with id 'NO-SUCH-MODEL'."))
                .body("instance", is("/models/NO-SUCH-MODEL"));

        as("olga").body(Map.of("listPriceFen", 11_990_000L, "reason", "same"))
                .put("/editions/AION-UT-SUPER-STD/price").then()
                .statusCode(409)
                .body("title", equalTo("Price unchanged"));

        as("olga").body(Map.of("listPriceFen", -5, "reason", "typo"))
                .put("/editions/AION-UT-SUPER-STD/price").then()
                .statusCode(422)
                .body("title", equalTo("Price out of range"));
    }
}
