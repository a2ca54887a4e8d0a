package io.vigil.runtime.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.streams.StreamsProperties;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A TopologyTestDriver configured as the services run in production (Vigil's serdes, exception handlers and dead
 * letters), except for the processing guarantee: under exactly-once the driver drops the dead letters that a
 * deserialization handler writes (its mock producer never commits them), which a real broker does not. The
 * exactly-once path is covered by the end-to-end test against a real broker.
 */
public final class StreamsTestSupport {

    private StreamsTestSupport() {
    }

    private static KafkaSettings kafkaSettings(String applicationId, Path stateDir) {
        return new KafkaSettings("unused:9092", applicationId, stateDir.toString(),
                1, 100, 5, 1, 1, false, 0, "", 10_000, 1_000_000, 60, "", Map.of());
    }

    /** The driver's state directory goes when the driver closes: the driver itself empties it but leaves it behind. */
    public static TopologyTestDriver driver(Topology topology, String applicationId, MeterRegistry registry) {
        Path stateDir = createStateDirectory();
        Properties props = StreamsProperties.of(kafkaSettings(applicationId, stateDir), registry);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        return new TopologyTestDriver(topology, props) {
            @Override
            public void close() {
                try {
                    super.close();
                } finally {
                    deleteRecursively(stateDir);
                }
            }
        };
    }

    public static TopologyTestDriver driver(Topology topology, String applicationId) {
        return driver(topology, applicationId, new SimpleMeterRegistry());
    }

    private static Path createStateDirectory() {
        try {
            return Files.createTempDirectory("vigil-ttd");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestOutputTopic<byte[], DeadLetter> deadLetters(TopologyTestDriver driver) {
        return driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(), AvroSerde.of(DeadLetter.class));
    }

    /** An input topic that takes raw bytes, for records that are not valid contracts. */
    public static TestInputTopic<byte[], byte[]> rawInput(TopologyTestDriver driver, String topic) {
        return driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
