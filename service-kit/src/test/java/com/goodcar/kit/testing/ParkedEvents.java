package com.goodcar.kit.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** What a consumer parked: the dead-letter records of a topic, and the service's count of them. */
public final class ParkedEvents {

    /** Bytes that are no JSON, not even valid UTF-8. */
    public static final byte[] GARBAGE = {(byte) 0xff, (byte) 0xfe, 0x00, 0x01, '{', '{', (byte) 0xc3};

    private ParkedEvents() {
    }

    /** The service's goodcar.events.parked count for a consumer (0 before the first). */
    public static double count(String consumer) {
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        var line = Pattern.compile("^goodcar_events_parked_total\\{[^}]*consumer=\"" + Pattern.quote(consumer)
                + "\"[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    /** Waits for the record parked under {@code key} and checks it says where it came from and why. */
    public static ConsumerRecord<String, String> awaitParked(TopicProbe dlq, String key, String fromTopic) {
        var parked = dlq.await(r -> key.equals(r.key()), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("nothing parked under key " + key));
        assertEquals(fromTopic, header(parked, "dead-letter-topic"), "the original topic");
        assertTrue(header(parked, "dead-letter-offset").matches("\\d+"), "the original offset");
        assertTrue(header(parked, "dead-letter-partition").matches("\\d+"), "the original partition");
        assertFalse(header(parked, "dead-letter-reason").isBlank(), "the error");
        return parked;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
