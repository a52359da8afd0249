package com.goodcar.deposit.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.goodcar.contracts.Topics;
import com.goodcar.contracts.deposit.DepositHeld;
import com.goodcar.deposit.PackagedServices;
import com.goodcar.kit.testing.ConsumerGroups;
import com.goodcar.kit.testing.EventPublisher;
import com.goodcar.kit.testing.RunDatabase;
import com.goodcar.kit.testing.ServiceProcess;
import com.goodcar.kit.testing.StackAddresses;
import com.goodcar.kit.testing.Tokens;
import com.goodcar.kit.testing.TopicProbe;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace across the two packaged services: an operator's request to auction-service carries a
 * W3C traceparent; the lot's auction.scheduled.v1 leaves the outbox as part of that trace (its
 * Kafka record's traceparent header, a structured-mode CloudEvent), and deposit-service's consumer
 * continues it: deposit-service, given an OTLP endpoint, exports a span of that trace to it (a
 * collector stand-in here), while auction-service, given none, exports nothing and says so.
 */
class OneTraceAcrossServicesIT {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final List<byte[]> EXPORTS = new CopyOnWriteArrayList<>();
    private static HttpServer collector;
    private static RunDatabase auctionDb;
    private static RunDatabase depositDb;
    private static ServiceProcess auction;
    private static ServiceProcess deposit;

    @BeforeAll
    static void start() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            EXPORTS.add(exchange.getRequestBody().readAllBytes());
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
            exchange.close();
        });
        collector.start();
        auctionDb = StackAddresses.runDatabase("auction", "auction_trace_" + RUN);
        depositDb = StackAddresses.runDatabase("deposit", "deposit_trace_" + RUN);
        auctionDb.create();
        depositDb.create();
        auction = PackagedServices.auction(auctionDb, "auction-trace-" + RUN);
        deposit = PackagedServices.deposit(depositDb, "deposit-trace-" + RUN, Map.of(
                // no provider, none of the repository's placeholders: this test pays nothing
                "DEPOSIT_PSP_CALLBACK_SECRET", "trace-" + RUN + "-" + TraceContinuationTest.randomHex(16),
                // what an operator sets to export
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort(),
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms"));
        auction.start(Duration.ofSeconds(90));
        deposit.start(Duration.ofSeconds(90));
        ConsumerGroups.awaitAssigned("deposit-trace-" + RUN, Topics.AUCTION_LOTS, Duration.ofSeconds(60));
        ConsumerGroups.awaitAssigned("auction-trace-" + RUN, Topics.DEPOSIT_HOLDS, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        PackagedServices.stop(auction, deposit);
        if (collector != null) {
            collector.stop(0);
        }
        auctionDb.drop();
        depositDb.drop();
    }

    @Test
    void aRequestsTraceReachesTheConsumerOfTheEventItCaused() throws IOException {
        String trace = TraceContinuationTest.randomHex(16);
        String clientSpan = TraceContinuationTest.randomHex(8);
        try (var lots = TopicProbe.from(Topics.AUCTION_LOTS, StackAddresses.kafkaBootstrap())) {
            String lot = given().auth().oauth2(Tokens.of("olga")).contentType(ContentType.JSON)
                    .header("traceparent", "00-" + trace + "-" + clientSpan + "-01")
                    .header("Idempotency-Key", "trace-lot-" + RUN)
                    .body(Map.of("editionCode", "AION-UT-SUPER-NGC001", "title", "National Good Car No. 001",
                            "opensAt", Instant.now().minusSeconds(1).toString(),
                            "endsAt", Instant.now().plusSeconds(3600).toString(), "softCloseSeconds", 0))
                    .post(auction.baseUri() + "/auctions").then().statusCode(201).extract().path("id");

            ConsumerRecord<String, String> scheduled = lots.await(r -> lot.equals(r.key())
                    && r.value().contains("auction.scheduled.v1"), Duration.ofSeconds(30)).orElseThrow();
            String[] traceparent = TraceContinuationTest.header(scheduled, "traceparent").split("-");
            assertEquals(trace, traceparent[1], "the event is part of the request's trace");
            assertNotEquals(clientSpan, traceparent[2], "its parent is auction-service's producer span");
            assertEquals("application/cloudevents+json; charset=UTF-8",
                    TraceContinuationTest.header(scheduled, "content-type"));
        }

        // deposit-service consumed it in the same trace: a span of that trace id reaches its collector
        awaitConsumedByDepositService(trace);

        String auctionLog = Files.readString(auction.log());
        assertTrue(auctionLog.contains("spans are not exported"), "no endpoint, no export: " + auction.log());
        assertFalse(auctionLog.contains("4317") || auctionLog.contains("Failed to export"), auction.log().toString());
        String depositLog = Files.readString(deposit.log());
        assertFalse(depositLog.contains("spans are not exported") || depositLog.contains("Failed to export"),
                deposit.log().toString());
    }

    @Test
    void aBidsTraceReachesDepositServicesConsumer() {
        String lot = given().auth().oauth2(Tokens.of("olga")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "trace-bid-lot-" + RUN)
                .body(Map.of("editionCode", "AION-UT-SUPER-NGC001", "title", "National Good Car No. 001",
                        "opensAt", Instant.now().minusSeconds(1).toString(),
                        "endsAt", Instant.now().plusSeconds(3600).toString()))
                .post(auction.baseUri() + "/auctions").then().statusCode(201).extract().path("id");
        try (var deposits = EventPublisher.as("/deposit-service")) {
            deposits.publish(new DepositHeld("hold-alice-" + lot, lot, Tokens.subject("alice"), 10_000, Instant.now()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.of("olga"))
                .get(auction.baseUri() + "/auctions/" + lot + "/holds").then().extract().<Integer>path("active") == 1);

        String trace = TraceContinuationTest.randomHex(16);
        given().auth().oauth2(Tokens.of("alice")).contentType(ContentType.JSON)
                .header("traceparent", "00-" + trace + "-" + TraceContinuationTest.randomHex(8) + "-01")
                .header("Idempotency-Key", "trace-bid-" + RUN).body(Map.of("maxFen", 50_000))
                .post(auction.baseUri() + "/auctions/" + lot + "/bids").then().statusCode(201);

        // the lot's writer committed the bid's auction.price-changed.v1 in the bid's trace, and
        // deposit-service's consumer of auction.lots received it in that trace (it acts on none of
        // a bid's events, but its span is there)
        awaitConsumedByDepositService(trace);
    }

    private static void awaitConsumedByDepositService(String trace) {
        byte[] traceId = HexFormat.of().parseHex(trace);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> EXPORTS.stream()
                .anyMatch(body -> contains(body, traceId) && contains(body, utf8("deposit-service"))
                        && contains(body, utf8(Topics.AUCTION_LOTS))));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= body.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
