package org.allmende.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class LocalInfrastructureTest {

    @Test
    void postgresCreatesADatabaseAndAnswers() throws Exception {
        try (var postgres = LocalPostgres.startTemporary()) {
            var url = postgres.ensureDatabase("probe");
            postgres.ensureDatabase("probe");
            try (var connection = DriverManager.getConnection(url, postgres.user(), postgres.password());
                    var rows = connection.createStatement().executeQuery("show server_version")) {
                rows.next();
                assertThat(rows.getString(1)).startsWith("15.");
            }
        }
    }

    @Test
    void kafkaKeepsARecordAcrossARestartOfTheBroker() throws Exception {
        try (var kafka = LocalKafka.startTemporary()) {
            try (var admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("probe", 1, (short) 1)))
                        .all()
                        .get();
            }
            try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class))) {
                producer.send(new ProducerRecord<>("probe", "k".getBytes(), "hello".getBytes()))
                        .get();
            }

            kafka.stop();
            kafka.start();

            try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
                var partition = new TopicPartition("probe", 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                var records = consumer.poll(Duration.ofSeconds(30));
                assertThat(records.count()).isEqualTo(1);
                assertThat(new String(records.iterator().next().value(), StandardCharsets.UTF_8))
                        .isEqualTo("hello");
            }
        }
    }
}
