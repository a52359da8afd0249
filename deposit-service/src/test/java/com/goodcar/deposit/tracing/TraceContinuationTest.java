package com.goodcar.deposit.tracing;

import static com.goodcar.deposit.Buyers.awaitConsumers;
import static com.goodcar.deposit.Buyers.awaitState;
import static com.goodcar.deposit.Buyers.holdFor;
import static com.goodcar.deposit.Buyers.scheduledLot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.goodcar.contracts.Topics;
import com.goodcar.contracts.auction.AuctionClosed;
import com.goodcar.deposit.Buyers;
import com.goodcar.kit.testing.PspSandbox;
import com.goodcar.kit.testing.RealStack;
import com.goodcar.kit.testing.TopicProbe;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An event that arrives with a trace is processed in it: the consumer's span continues the
 * producer's {@code traceparent}, the inbox applies the effect within it, and the events that
 * effect stages leave with the same trace (and as structured-mode CloudEvents).
 */
@QuarkusTest
@WithTestResource(value = RealStack.class, initArgs = @ResourceArg(name = "database", value = "deposit"))
@WithTestResource(PspSandbox.class)
class TraceContinuationTest {

    @Inject
    SpanCollector spans;

    @Test
    void aClosingEventsTraceReachesTheReleasesItCauses() {
        String lot = scheduledLot();
        String alice = holdFor("alice", lot);
        String trace = randomHex(16);
        String producerSpan = randomHex(8);
        spans.watch(trace);

        try (var holds = TopicProbe.from(Topics.DEPOSIT_HOLDS)) {
            awaitConsumers();
            Buyers.AUCTION.publish(new AuctionClosed(lot, "AION-UT-SUPER-NGC001", "UNSOLD", null, null, null, 10_000,
                    0, Instant.now()), UUID.randomUUID().toString(),
                    Map.of("traceparent", "00-" + trace + "-" + producerSpan + "-01"));
            awaitState("alice", alice, "REFUNDED");

            ConsumerRecord<String, String> released = holds.await(r -> r.value().contains("deposit.released.v1")
                    && r.value().contains(alice), Duration.ofSeconds(20)).orElseThrow();
            String[] traceparent = header(released, "traceparent").split("-");
            assertEquals(trace, traceparent[1], "the release is part of the closing event's trace");
            assertNotEquals(producerSpan, traceparent[2], "its parent is deposit-service's own producer span");
            assertEquals("application/cloudevents+json; charset=UTF-8", header(released, "content-type"));
        }

        // the consumer's span is the child of the closing event's producer span; the release's producer span follows
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> spans.spansOf(trace).stream()
                .anyMatch(span -> span.getKind() == SpanKind.CONSUMER && producerSpan.equals(span.getParentSpanId())
                        && Topics.AUCTION_LOTS.equals(destination(span))));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> spans.spansOf(trace).stream()
                .anyMatch(span -> span.getKind() == SpanKind.PRODUCER && Topics.DEPOSIT_HOLDS.equals(destination(span))));
    }

    private static String destination(SpanData span) {
        return span.getAttributes().get(AttributeKey.stringKey("messaging.destination.name"));
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zero, which W3C reads as no trace
        return HexFormat.of().formatHex(random);
    }
}
