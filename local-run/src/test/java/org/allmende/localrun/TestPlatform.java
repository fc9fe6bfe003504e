package org.allmende.localrun;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.allmende.devinfra.LocalKafka;
import org.allmende.devinfra.SharedInfrastructure;

/** Both services on the test JVM's shared PostgreSQL (databases of their own) and Kafka broker, on free ports. */
public final class TestPlatform {

    private TestPlatform() {}

    /** {@code properties}: topics of the test's own and the like; logs go to {@code logDirectory}. */
    public static Platform start(Map<String, String> properties, Path logDirectory) {
        var postgres = SharedInfrastructure.postgres();
        return Platform.start(new Platform.Settings(
                postgres.ensureDatabase(SharedInfrastructure.unique("membership")),
                postgres.ensureDatabase(SharedInfrastructure.unique("billing")),
                postgres.user(),
                postgres.password(),
                SharedInfrastructure.kafka().bootstrapServers(),
                LocalKafka.freePort(),
                LocalKafka.freePort(),
                Path.of(System.getProperty("allmende.services.dir", "target/services")),
                properties,
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
                logDirectory));
    }
}
