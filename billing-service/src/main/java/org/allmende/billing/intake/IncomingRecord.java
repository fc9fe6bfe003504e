package org.allmende.billing.intake;

import java.util.Map;

/** A record as it came off a topic, independent of the Kafka client: what is applied, parked and retried. */
public record IncomingRecord(
        String topic, int partition, long offset, String key, Map<String, String> headers, byte[] payload) {

    public String header(String name) {
        return headers.get(name);
    }

    public String position() {
        return topic + "/" + partition + "@" + offset;
    }
}
