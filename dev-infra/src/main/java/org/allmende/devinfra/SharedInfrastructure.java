package org.allmende.devinfra;

import java.util.UUID;

/**
 * One real PostgreSQL server and one real Kafka broker per test JVM, started on first use and stopped when the
 * JVM exits. Tests isolate themselves with fresh database and topic names, not with fresh servers.
 */
public final class SharedInfrastructure {

    private static LocalPostgres postgres;
    private static LocalKafka kafka;

    private SharedInfrastructure() {}

    public static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            postgres = LocalPostgres.startTemporary();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-postgres"));
        }
        return postgres;
    }

    public static synchronized LocalKafka kafka() {
        if (kafka == null) {
            kafka = LocalKafka.startTemporary();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-kafka"));
        }
        return kafka;
    }

    /** A name no other test in this JVM uses, for a database or a topic. */
    public static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
