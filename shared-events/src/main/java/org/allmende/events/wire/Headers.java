package org.allmende.events.wire;

/** Kafka record headers of the wire format; values are UTF-8 strings. */
public final class Headers {
    /** Simple name of the event record, e.g. {@code MemberAdmitted}. */
    public static final String EVENT_TYPE = "allmende-event-type";
    /** Globally unique id of the event; consumers deduplicate by it. */
    public static final String EVENT_ID = "allmende-event-id";
    /** Schema version of the payload, a positive integer. */
    public static final String SCHEMA_VERSION = "allmende-schema-version";
    /** When the fact was recorded, ISO-8601 instant. */
    public static final String RECORDED_AT = "allmende-recorded-at";
    /** Correlation id of the request that caused the event, for tracing across services. */
    public static final String CORRELATION_ID = "allmende-correlation-id";

    private Headers() {}
}
