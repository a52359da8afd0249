package com.goodcar.auction.tracing;

import static com.goodcar.auction.Auctions.holdFor;
import static com.goodcar.auction.Auctions.openLot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.Tokens;
import com.goodcar.kit.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A bid's events leave in the bid's trace, although its lot's writer commits them on its own
 * thread, batched with other bids: the first accepted bid of a batch is its cause.
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "auction"))
class BidTraceTest {

    @Test
    void theEventsABidCausesCarryItsTraceId() {
        String lot = openLot();
        holdFor(lot, "alice");
        String trace = UUID.randomUUID().toString().replace("-", "");
        String clientSpan = "00f067aa0ba902b7";
        try (var lots = TopicProbe.from("auction.lots")) {
            given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                    .header("traceparent", "00-" + trace + "-" + clientSpan + "-01")
                    .header("Idempotency-Key", "traced-" + UUID.randomUUID())
                    .body(Map.of("maxFen", 50_000)).post("/auctions/" + lot + "/bids").then().statusCode(201);
            ConsumerRecord<String, String> changed = lots.await(r -> lot.equals(r.key())
                    && r.value().contains("auction.price-changed.v1"), Duration.ofSeconds(20)).orElseThrow();
            String[] traceparent = header(changed, "traceparent").split("-");
            assertEquals(trace, traceparent[1], "the price change is part of the bid's trace");
            assertNotEquals(clientSpan, traceparent[2], "its parent is the relay's producer span, not the client's");
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
