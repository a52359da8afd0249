package com.goodcar.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.goodcar.kit.testing.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged web app with every API at a port nothing listens on: the routing in front of the
 * services answers what a client can act on. (A plain process: the kit's test helpers on this
 * module's test path would bring the kit's extensions into a @QuarkusTest of this app.)
 */
class ApiRoutesIT {

    private static ServiceProcess web;

    @BeforeAll
    static void start() {
        String nothing = "http://127.0.0.1:9";
        web = new ServiceProcess(Path.of("target/quarkus-app/quarkus-run.jar"), Map.of("WEB_API_CATALOG", nothing,
                "WEB_API_AUCTION", nothing, "WEB_API_DEPOSIT", nothing, "WEB_API_ORDERS", nothing, "WEB_API_STORES",
                nothing)).start(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
    }

    @Test
    void aServiceThatDoesNotAnswerIsAProblemNotAnErrorPage() {
        given().get(web.baseUri() + "/api/auction/auctions/lot-1").then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", is("https://goodcar.example/problems/service-unavailable"))
                .body("detail", containsString("/api/auction"));
    }

    @Test
    void anUnknownApiNamesTheKnownOnes() {
        given().get(web.baseUri() + "/api/payments/x").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("https://goodcar.example/problems/no-such-api"))
                .body("detail", containsString("/api/stores/"));
    }

    @Test
    void thePagesAndWhereToLogIn() {
        given().get(web.baseUri() + "/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<div id=\"root\">"));
        given().get(web.baseUri() + "/config.json").then().statusCode(200)
                .body("oidc.realm", is("goodcar")).body("oidc.clientId", is("web"));
        given().get(web.baseUri() + "/silent-check-sso.html").then().statusCode(200);
    }
}
