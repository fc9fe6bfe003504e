package org.allmende.events.wire;

/** One event of the contract: its wire name, the newest schema version and the record that carries it. */
public record EventType(String name, int schemaVersion, String topic, Class<?> recordClass) {}
