package com.goodcar.contracts;

/**
 * Names one version of one integration event and where it travels.
 *
 * @param name    past-tense business name, prefixed by the owning context, e.g. {@code catalog.vehicle-listed}
 * @param version schema version of the payload
 * @param topic   the Kafka topic of the aggregate stream it belongs to
 * @param payload the record that carries the data
 */
public record EventType<T extends IntegrationEvent>(String name, int version, String topic, Class<T> payload) {

    /** The CloudEvents {@code type}, e.g. {@code catalog.vehicle-listed.v1}. */
    public String type() {
        return name + ".v" + version;
    }
}
