package io.vigil.standalone;

import io.vigil.runtime.streams.TopicCreator;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Detection;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaWork;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once across a crash: the detector runs in its own JVM and is killed (SIGKILL, no shutdown hook, no
 * commit) while it works through a burst of messages; a new process takes over from the last committed transaction.
 * Every message must then have exactly one detection for a read-committed consumer: none lost, none twice.
 */
class CrashRecoveryTest {

    private static final int MESSAGES = 400;
    private static final Duration TIMEOUT = Duration.ofSeconds(240);
    private static final long SEND_INTERVAL_MS = 40;

    @TempDir
    Path dataDir;

    @Test
    void aKilledDetectorLosesNothingAndDuplicatesNothing() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                TopicCreator.ensure(admin, Topics.all(List.of()), 2, (short) 1);
            }
            KafkaTopics topics = new KafkaTopics(kafka.bootstrapServers());
            // Messages keep arriving while the first process works, so the kill lands in the middle of the stream.
            Thread traffic = new Thread(() -> send(kafka.bootstrapServers()), "crash-test-traffic");
            traffic.start();

            Process first = detector(kafka.bootstrapServers());
            await().atMost(TIMEOUT).until(() -> committedDetections(topics, 1).size() >= MESSAGES / 10);
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            int beforeCrash = committedDetections(topics, 1).size();
            assertThat(beforeCrash).as("the crash came in the middle of the work").isLessThan(MESSAGES);

            Process second = detector(kafka.bootstrapServers());
            traffic.join(TIMEOUT.toMillis());
            try {
                try {
                    await().atMost(TIMEOUT).until(() -> committedDetections(topics, MESSAGES).size() >= MESSAGES);
                } catch (ConditionTimeoutException e) {
                    throw new AssertionError(whereTheMessagesAre(topics), e);
                }
                List<String> ids = committedDetections(topics, MESSAGES).stream().map(Detection::getMessageId).toList();

                assertThat(ids).hasSize(MESSAGES);
                assertThat(new HashSet<>(ids)).hasSize(MESSAGES);
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Process detector(String bootstrapServers) throws Exception {
        Path log = Path.of("target", "crash-recovery-detector-" + System.nanoTime() + ".log");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx512m", VigilCli.class.getName(), "detector",
                "--bootstrap-servers", bootstrapServers,
                "--set", "kafka.state-dir=" + dataDir.resolve("state"),
                "--set", "kafka.replication-factor=1",
                "--set", "kafka.chat-partitions=2",
                "--set", "http.port=0",
                "--set", "http.host=127.0.0.1",
                "--set", "media.blob-root=" + dataDir.resolve("blobs"),
                "--set", "doxxing.hmac-secret=crash-recovery-test-secret")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void send(String bootstrapServers) {
        AvroSerde<MessageEvent> serde = AvroSerde.of(MessageEvent.class);
        try (KafkaProducer<String, MessageEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), serde)) {
            for (int i = 0; i < MESSAGES; i++) {
                String chat = "chat-" + (i % 7);
                producer.send(new ProducerRecord<>(Topics.MESSAGE_EVENTS.name(), chat, MessageEvent.newBuilder()
                        .setPlatform("telegram").setChatId(chat).setMessageId(Integer.toString(i)).setSenderId("s")
                        .setSentAt(Instant.now()).setText("message " + i)
                        .setMedia(List.of(MediaItem.newBuilder().setMediaId("m" + i).setKind(MediaKind.PHOTO)
                                .setInlineBytes(ByteBuffer.wrap(("bytes " + i).getBytes(StandardCharsets.UTF_8))).build()))
                        .build()));
                pace();
            }
        }
    }

    private static void pace() {
        try {
            Thread.sleep(SEND_INTERVAL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the topics hold when not every message has its detection: the test then says where the rest went. */
    private static String whereTheMessagesAre(KafkaTopics topics) {
        List<Detection> detections = committedDetections(topics, MESSAGES);
        List<MediaWork> mediaWork = topics.readCommitted(Topics.MEDIA_WORK.name(), AvroSerde.of(MediaWork.class), 1, Duration.ofSeconds(3));
        List<DeadLetter> deadLetters = topics.readCommitted(Topics.DEAD_LETTERS.name(), AvroSerde.of(DeadLetter.class), 0, Duration.ofSeconds(3));
        return detections.size() + " detections (" + new HashSet<>(detections.stream().map(Detection::getMessageId).toList()).size()
                + " distinct) of " + MESSAGES + " messages; media-work holds " + mediaWork.size() + " committed records; dead letters: "
                + deadLetters.stream().map(d -> d.getApplication() + " " + d.getReason()).toList();
    }

    private static List<Detection> committedDetections(KafkaTopics topics, int atLeast) {
        return new ArrayList<>(topics.readCommitted(Topics.DETECTIONS.name(), AvroSerde.of(Detection.class), atLeast, Duration.ofSeconds(3)));
    }
}
