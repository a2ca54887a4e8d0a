package io.vigil.benchmarks.pipeline;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The baseline: three Kafka Streams applications that pass records on unchanged, bench-in -> hop-1 -> hop-2 ->
 * bench-out, with exactly-once and the settings Vigil's services run with (threads, commit interval, linger). It is
 * what three exactly-once hops cost on this broker and machine, with no work in them: Vigil's ratio to it is the
 * figure that carries across machines.
 */
final class Passthrough implements AutoCloseable {

    static final String IN = "bench-in";
    static final String OUT = "bench-out";
    static final List<String> TOPICS = List.of(IN, "bench-hop-1", "bench-hop-2", OUT);

    private final List<KafkaStreams> hops = new ArrayList<>();

    /** The exactly-once settings of the hops, Vigil's shipped values unless a run varies them (--baseline). */
    record Settings(int threads, int commitIntervalMs, int producerLingerMs) {
    }

    Passthrough(String bootstrapServers, Path stateDir, Settings settings) {
        for (int hop = 0; hop < 3; hop++) {
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(TOPICS.get(hop), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                    .to(TOPICS.get(hop + 1), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-passthrough-" + hop);
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("hop-" + hop).toString());
            props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitIntervalMs());
            props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), settings.producerLingerMs());
            hops.add(new KafkaStreams(builder.build(), props));
        }
        hops.forEach(KafkaStreams::start);
    }

    boolean running() {
        return hops.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING);
    }

    @Override
    public void close() {
        hops.parallelStream().forEach(KafkaStreams::close);
    }
}
