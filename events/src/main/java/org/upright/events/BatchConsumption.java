package org.upright.events;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * How Upright's consumers take a batch of records. Each record is read on its own: one that cannot
 * be read goes to the dead letters with its reason, and the rest go on. The batch is then stored,
 * and retried with growing pauses (200 ms, doubling, at most 10 s apart) until that succeeds, so
 * nothing is skipped and the consumer lag shows the wait.
 */
public final class BatchConsumption {

    private static final System.Logger LOG = System.getLogger(BatchConsumption.class.getName());
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private BatchConsumption() {
    }

    /**
     * @param read turns a record's value into what is stored; throws {@link MalformedRecordException} for one that never can be
     * @param deadLetters sends a record that cannot be read, with the reason, to the dead-letter topic
     */
    public static <V, T> void consume(ConsumerRecords<String, V> records, Function<V, T> read,
                                      BiConsumer<ConsumerRecord<String, V>, String> deadLetters, Consumer<List<T>> store)
            throws InterruptedException {
        List<T> readable = new ArrayList<>(records.count());
        for (ConsumerRecord<String, V> record : records) {
            try {
                readable.add(read.apply(record.value()));
            } catch (MalformedRecordException e) {
                LOG.log(Level.WARNING, "dead-lettering {0}-{1}@{2}: {3}", record.topic(), record.partition(), record.offset(), e.getMessage());
                deadLetters.accept(record, e.getMessage());
            }
        }
        Duration pause = FIRST_PAUSE;
        while (!readable.isEmpty()) {
            try {
                store.accept(readable);
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "storing {0} records failed, retrying in {1} ms: {2}", readable.size(), pause.toMillis(), e.toString());
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
