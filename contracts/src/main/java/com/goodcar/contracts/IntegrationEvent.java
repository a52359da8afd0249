package com.goodcar.contracts;

/**
 * The payload of an integration event. Each implementation is a record whose shape is frozen once
 * published: a breaking change is a new record with a new version, never an edit.
 */
public interface IntegrationEvent {

    /** The key that orders events of one aggregate on its topic partition. */
    String aggregateId();
}
