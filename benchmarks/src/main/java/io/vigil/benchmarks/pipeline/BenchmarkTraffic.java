package io.vigil.benchmarks.pipeline;

import io.vigil.benchmarks.doxxing.MessageMix;
import io.vigil.benchmarks.nudity.BenchmarkImages;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The generated traffic both the baseline and Vigil get, byte for byte: text messages shaped like group chat (5% with
 * fictional personal data, 12% with incidental digits, the doxxing benchmark's mix), and photo-like benign 1280x960
 * JPEGs (Telegram's largest photo size) sent inline. Each record is stamped with its send time, which Kafka Streams
 * carries to every output, so latency is measured from sentAt to the output a consumer reads.
 */
final class BenchmarkTraffic implements AutoCloseable {

    static final int CHATS = 240;
    static final int MEMBERS_PER_CHAT = 200;
    private static final AvroSerde<MessageEvent> SERDE = AvroSerde.of(MessageEvent.class);

    private final KafkaProducer<byte[], byte[]> producer;
    private final List<String> texts;
    private final List<byte[]> images = new ArrayList<>();
    private final SplittableRandom senders = new SplittableRandom(7);
    private long sequence;

    BenchmarkTraffic(String bootstrapServers, int distinctTexts, int distinctImages) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024, ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer());
        texts = MessageMix.generate(distinctTexts, 0.12, 0.05, 42);
        try {
            for (int i = 0; i < distinctImages; i++) {
                images.add(BenchmarkImages.photoLikeJpeg(1280, 960, 1_000 + i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text message. */
    MessageEvent text() {
        long n = sequence++;
        return event(n).setText(texts.get((int) (n % texts.size()))).build();
    }

    /** A message with one photo and a short caption. */
    MessageEvent image() {
        long n = sequence++;
        return event(n).setText("mirad").setMedia(List.of(MediaItem.newBuilder().setMediaId("photo-" + n).setKind(MediaKind.PHOTO)
                .setMime("image/jpeg").setInlineBytes(ByteBuffer.wrap(images.get((int) (n % images.size())))).build())).build();
    }

    private MessageEvent.Builder event(long n) {
        long chat = n % CHATS;
        return MessageEvent.newBuilder().setPlatform("telegram").setChatId("chat-" + chat).setMessageId("b-" + n)
                .setSenderId(sender(chat)).setSentAt(Instant.now());
    }

    /**
     * A member of the chat, the way group chats post: each chat has its own {@value #MEMBERS_PER_CHAT} members and a
     * few of them write most messages (member i with probability falling like a cube root: the first 5% of the
     * members write about a third of the messages). Drawn from a seeded generator, so every run sends the same.
     */
    private String sender(long chat) {
        double u = senders.nextDouble();
        return "sender-" + chat + "-" + (int) (MEMBERS_PER_CHAT * u * u * u);
    }

    /** Sends as fast as the producer goes. */
    void burst(String topic, int count, IntFunction<MessageEvent> message) {
        for (int i = 0; i < count; i++) {
            send(topic, message.apply(i));
        }
        producer.flush();
    }

    /** Sends at {@code perSecond} for {@code seconds}; returns how many were sent. */
    int paced(String topic, double perSecond, int seconds, IntFunction<MessageEvent> message) {
        long start = System.nanoTime();
        int total = (int) (perSecond * seconds);
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 1_000_000) {
                sleep(wait / 1_000_000);
            }
            send(topic, message.apply(i));
        }
        producer.flush();
        return total;
    }

    private void send(String topic, MessageEvent event) {
        event.setSentAt(Instant.now());
        byte[] value = SERDE.serialize(Topics.MESSAGE_EVENTS.name(), event);
        producer.send(new ProducerRecord<>(topic, null, event.getSentAt().toEpochMilli(),
                event.getChatId().getBytes(StandardCharsets.UTF_8), value));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
