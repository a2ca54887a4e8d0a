package io.vigil.standalone.faults;

import io.vigil.schemas.BankSource;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.Visibility;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.detector.hashing.Digests;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Synthetic message traffic at a steady rate, as the platform's backend sends it: plain chat, doxxing (a fictional
 * number and address right after a photo), and media whose exact hash is in a bank, spread over chats. Every message
 * has a unique id; the test checks that each one leaves exactly one detection, one risk assessment and the queue
 * items its score calls for.
 */
final class Traffic implements AutoCloseable {

    /** Bytes standing in for an image the bank holds; never decoded (exact hashes only). */
    static final byte[] BANKED = "benign synthetic media bytes, banked for the fault test".getBytes(StandardCharsets.UTF_8);
    /** A benign synthetic photo, decoded and hashed perceptually by the media stage. */
    static final byte[] PHOTO = io.vigil.standalone.demo.DemoImages.photos(1, 3).get(0).bytes();
    static final String DOXXING = "la de la foto, su número es 612 34 56 78 y vive en Calle de Alcalá 123, 28009 Madrid, escribidle";

    private final KafkaProducer<String, MessageEvent> producer;
    private final int chats;
    private final AtomicInteger sent = new AtomicInteger();
    private volatile Thread thread;
    private volatile boolean stop;

    Traffic(String bootstrapServers, int chats) {
        this.chats = chats;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000), new StringSerializer(), AvroSerde.of(MessageEvent.class));
    }

    /** The bank entry and group metadata the traffic relies on. */
    static void seed(String bootstrapServers, int chats) {
        try (KafkaProducer<String, byte[]> seed = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            HashBankEntry entry = HashBankEntry.newBuilder().setBankId("fault-ncii").setEntryId("case-1").setCategory(ContentCategory.NCII)
                    .setSource(BankSource.PLATFORM).setSignalType(SignalType.SHA256).setValue(Digests.sha256Hex(BANKED))
                    .setAddedAt(Instant.now()).build();
            seed.send(new ProducerRecord<>(Topics.HASH_BANK.name(), "fault-ncii/SHA256/" + entry.getValue(),
                    AvroSerde.of(HashBankEntry.class).serialize(Topics.HASH_BANK.name(), entry)));
            for (int chat = 0; chat < chats; chat++) {
                GroupMetadata group = GroupMetadata.newBuilder().setPlatform("telegram").setChatId(chat(chat)).setKind(ChatKind.SUPERGROUP)
                        .setVisibility(Visibility.PRIVATE).setMemberCount(1_000 + chat).setCountryHint("ES").setUpdatedAt(Instant.now()).build();
                seed.send(new ProducerRecord<>(Topics.GROUP_METADATA.name(), chat(chat),
                        AvroSerde.of(GroupMetadata.class).serialize(Topics.GROUP_METADATA.name(), group)));
            }
            seed.flush();
        }
    }

    static String chat(int n) {
        return "chat-" + n;
    }

    /** Sends messages at {@code perSecond}, in the background, until {@link #stop()}. */
    void start(int perSecond) {
        thread = new Thread(() -> {
            long start = System.nanoTime();
            for (int i = 0; !stop; i++) {
                long due = start + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                MessageEvent event = message(i);
                producer.send(new ProducerRecord<>(Topics.MESSAGE_EVENTS.name(), event.getChatId(), event));
                sent.incrementAndGet();
            }
            producer.flush();
        }, "fault-test-traffic");
        thread.start();
    }

    int sent() {
        return sent.get();
    }

    /** Stops sending; returns once every message sent is acknowledged by the cluster. */
    void stop() throws InterruptedException {
        stop = true;
        thread.join();
    }

    private MessageEvent message(int i) {
        String chat = chat(i % chats);
        MessageEvent.Builder event = MessageEvent.newBuilder().setPlatform("telegram").setChatId(chat)
                .setMessageId("m-" + i).setSenderId("sender-" + (i % 17)).setSentAt(Instant.now());
        switch (i % 10) {
            case 0 -> event.setText("look").setMedia(List.of(MediaItem.newBuilder().setMediaId("banked-" + i).setKind(MediaKind.VIDEO)
                    .setInlineBytes(ByteBuffer.wrap(BANKED)).build()));
            case 1, 2 -> event.setText(DOXXING);
            case 3 -> event.setMedia(List.of(MediaItem.newBuilder().setMediaId("photo-" + i).setKind(MediaKind.PHOTO)
                    .setMime("image/jpeg").setInlineBytes(ByteBuffer.wrap(PHOTO)).build()));
            default -> event.setText("synthetic chat message number " + i + ", nothing to see");
        }
        return event.build();
    }

    @Override
    public void close() {
        stop = true;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close();
    }
}
