package org.upright.localinfra;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records as a plain Kafka client, for tests that play the producing service. */
public final class TopicWriter {

    private TopicWriter() {
    }

    /** Writes one record with the given headers and waits for the broker's acknowledgement. */
    public static void write(String bootstrapServers, String topic, String key, String value, Map<String, String> headers) {
        writeAll(bootstrapServers, topic, List.of(new Record(key, value, headers)));
    }

    /**
     * Writes the records in one go, in their order, and waits for the broker's acknowledgement of all:
     * a consumer is likely to get them in one poll.
     */
    public static void writeAll(String bootstrapServers, String topic, List<Record> records) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Record record : records) {
                ProducerRecord<String, String> producerRecord = new ProducerRecord<>(topic, record.key(), record.value());
                record.headers().forEach((name, value) -> producerRecord.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                sent.add(producer.send(producerRecord));
            }
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + topic, e);
        }
    }

    public record Record(String key, String value, Map<String, String> headers) {
    }
}
