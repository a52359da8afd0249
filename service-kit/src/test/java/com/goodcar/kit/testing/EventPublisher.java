package com.goodcar.kit.testing;

import com.goodcar.contracts.EventCodec;
import com.goodcar.contracts.EventEnvelope;
import com.goodcar.contracts.EventTypes;
import com.goodcar.contracts.IntegrationEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Publishes integration events on their real topic as another service would (envelope, key), for
 * tests of a consumer: e.g. deposit.held.v1 for the auction, auction.closed.v1 for deposits.
 */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final EventCodec codec = new EventCodec();
    private final String source;
    private final String bootstrap;

    private EventPublisher(String bootstrap, String source) {
        this.source = source;
        this.bootstrap = bootstrap;
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /** @param source the CloudEvents source, e.g. "/deposit-service" for the events it would publish */
    public static EventPublisher as(String source) {
        return new EventPublisher(ConfigProvider.getConfig().getOptionalValue("kafka.bootstrap.servers", String.class)
                .orElse(StackAddresses.kafkaBootstrap()), source);
    }

    /** Publishes and waits for the broker's acknowledgement; returns the event id. */
    public <T extends IntegrationEvent> String publish(T event) {
        return publish(event, UUID.randomUUID().toString());
    }

    /** With a chosen event id: publishing the same id twice is how a test makes a duplicate. */
    public <T extends IntegrationEvent> String publish(T event, String eventId) {
        return publish(event, eventId, Map.of());
    }

    /** With record headers too, e.g. the {@code traceparent} of the trace the event belongs to. */
    public <T extends IntegrationEvent> String publish(T event, String eventId, Map<String, String> headers) {
        var type = EventTypes.of(event);
        var envelope = EventEnvelope.of(eventId, type, source, Instant.now(), null, event);
        var record = new ProducerRecord<>(type.topic(), event.aggregateId(), codec.write(envelope));
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish " + type.type() + ": " + e.getCause(), e.getCause());
        }
        return eventId;
    }

    /** Publishes any bytes under a key, as a broken or hostile producer would; waits for the acknowledgement. */
    public void publishRaw(String topic, String key, byte[] value) {
        try (var raw = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic + ": " + e.getCause(), e.getCause());
        }
    }

    /** An envelope of any type name and payload, as a producer of a version nobody knows would send it. */
    public void publishEnvelope(String topic, String key, String type, String dataJson) {
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type
                + "\",\"source\":\"" + source + "\",\"time\":\"" + Instant.now() + "\",\"data\":" + dataJson + "}";
        publishRaw(topic, key, envelope.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
