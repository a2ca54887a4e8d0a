package io.vigil.standalone.demo;

import io.vigil.detector.hashing.Digests;
import io.vigil.detector.pdq.PdqHasher;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.ForwardOrigin;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Demo traffic as a platform's backend would send it: group metadata, a few demo hash banks, and a steady stream of
 * chat messages in the groups' languages, some with benign synthetic photos of which a few are in the banks, some
 * forwarded between groups, and now and then a malformed record to show where bad input goes.
 */
public final class DemoTraffic implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
    private static final int PHOTOS = 24;
    private static final int BANKED_NCII = 5;
    private static final int BANKED_TAKEDOWN = 2;
    private static final int ALLOW_LISTED = 7;

    private final KafkaProducer<String, byte[]> producer;
    private final Path blobRoot;
    private final double messagesPerSecond;
    private final int malformedEvery;
    private final Random random;
    private final List<DemoImages.Image> photos;
    private final Thread thread;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile boolean running = true;
    private List<DemoGroups.Group> groups;

    public DemoTraffic(String bootstrapServers, Path blobRoot, double messagesPerSecond, int malformedEvery, long seed) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "vigil-demo-traffic"), new StringSerializer(), new ByteArraySerializer());
        this.blobRoot = blobRoot;
        this.messagesPerSecond = messagesPerSecond;
        this.malformedEvery = malformedEvery;
        this.random = new Random(seed);
        this.photos = DemoImages.photos(PHOTOS, seed);
        this.thread = new Thread(this::run, "vigil-demo-traffic");
        this.thread.setDaemon(true);
    }

    /** Publishes groups and banks, writes the photos under the blob root, then sends messages until closed. */
    public void start() {
        Instant now = Instant.now();
        groups = DemoGroups.all(now);
        AvroSerde<GroupMetadata> groupSerde = AvroSerde.of(GroupMetadata.class);
        for (DemoGroups.Group group : groups) {
            producer.send(new ProducerRecord<>(Topics.GROUP_METADATA.name(), group.chatId(),
                    groupSerde.serialize(Topics.GROUP_METADATA.name(), group.metadata())));
        }
        publishBanks(now);
        writePhotos();
        producer.flush();
        thread.start();
    }

    public long sent() {
        return sent.get();
    }

    public long malformed() {
        return malformed.get();
    }

    private void publishBanks(Instant now) {
        AvroSerde<HashBankEntry> serde = AvroSerde.of(HashBankEntry.class);
        for (int i = 0; i < BANKED_NCII; i++) {
            bank(serde, "demo-ncii", ContentCategory.NCII, BankSource.PLATFORM, SignalType.SHA256, Digests.sha256Hex(photos.get(i).bytes()), false, now);
            // The same images as a hash-sharing programme lists them: by PDQ, which also catches re-encoded re-uploads.
            bank(serde, "demo-stopncii", ContentCategory.NCII, BankSource.STOPNCII, SignalType.PDQ, pdqHex(photos.get(i)), false, now);
        }
        for (int i = BANKED_NCII; i < BANKED_NCII + BANKED_TAKEDOWN; i++) {
            bank(serde, "demo-takedown", ContentCategory.PLATFORM_TAKEDOWN, BankSource.PLATFORM, SignalType.MD5, Digests.md5Hex(photos.get(i).bytes()), false, now);
        }
        // A third-party list carries a hash that the platform knows to be harmless: the allow-list cancels it.
        bank(serde, "demo-third-party", ContentCategory.NCII, BankSource.FILE, SignalType.MD5, Digests.md5Hex(photos.get(ALLOW_LISTED).bytes()), false, now);
        bank(serde, "demo-allow", ContentCategory.OTHER, BankSource.PLATFORM, SignalType.MD5, Digests.md5Hex(photos.get(ALLOW_LISTED).bytes()), true, now);
    }

    private static String pdqHex(DemoImages.Image image) {
        try {
            return new PdqHasher().hash(ImageIO.read(new java.io.ByteArrayInputStream(image.bytes()))).hash().toHex();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void bank(AvroSerde<HashBankEntry> serde, String bank, ContentCategory category, BankSource source,
                      SignalType type, String value, boolean negative, Instant now) {
        HashBankEntry entry = HashBankEntry.newBuilder().setBankId(bank).setEntryId(bank + "-" + value.substring(0, 12))
                .setCategory(category).setSource(source).setSignalType(type).setValue(value).setNegative(negative)
                .setMetadata(Map.of("origin", "vigil demo")).setAddedAt(now).build();
        producer.send(new ProducerRecord<>(Topics.HASH_BANK.name(), bank + "/" + type.name() + "/" + value,
                serde.serialize(Topics.HASH_BANK.name(), entry)));
    }

    private void writePhotos() {
        try {
            Path dir = Files.createDirectories(blobRoot.resolve("demo"));
            for (DemoImages.Image photo : photos) {
                Files.write(dir.resolve(photo.name()), photo.bytes());
            }
            for (int i = 0; i < BANKED_NCII; i++) {
                DemoImages.Image reupload = DemoImages.reuploaded(photos.get(i));
                Files.write(dir.resolve(reupload.name()), reupload.bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write demo photos under " + blobRoot, e);
        }
    }

    private void run() {
        AvroSerde<MessageEvent> serde = AvroSerde.of(MessageEvent.class);
        long intervalNanos = (long) (1_000_000_000L / messagesPerSecond);
        long next = System.nanoTime();
        while (running) {
            try {
                long n = sent.incrementAndGet();
                DemoGroups.Group group = groups.get(random.nextInt(groups.size()));
                if (malformedEvery > 0 && n % malformedEvery == 0) {
                    sendMalformed(group, n, serde);
                } else {
                    producer.send(new ProducerRecord<>(Topics.MESSAGE_EVENTS.name(), group.chatId(),
                            serde.serialize(Topics.MESSAGE_EVENTS.name(), message(group, n))));
                }
                next += intervalNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("demo traffic could not send: {}", e.getMessage());
            }
        }
    }

    private MessageEvent message(DemoGroups.Group group, long n) {
        MessageEvent.Builder event = MessageEvent.newBuilder().setPlatform("telegram").setChatId(group.chatId())
                .setMessageId(Long.toString(n)).setSenderId("demo-user-" + random.nextInt(400)).setSentAt(Instant.now())
                .setText(DemoTexts.line(group.language(), random));
        double kind = random.nextDouble();
        if (kind < 0.35) {
            int photo = random.nextDouble() < 0.3 ? random.nextInt(ALLOW_LISTED + 1) : ALLOW_LISTED + 1 + random.nextInt(PHOTOS - ALLOW_LISTED - 1);
            // Some banked images come back re-encoded and resized: only the perceptual hash still matches them.
            String name = photo < BANKED_NCII && random.nextBoolean() ? "photo-" + photo + "-reupload.jpg" : photos.get(photo).name();
            event.setMedia(List.of(MediaItem.newBuilder().setMediaId("photo-" + photo).setKind(MediaKind.PHOTO)
                    .setMime("image/jpeg").setBlobUri("file:///demo/" + name).build()));
        } else if (kind < 0.45) {
            DemoImages.Image sticker = DemoImages.sticker(random.nextInt(8), 7);
            event.setText(null).setMedia(List.of(MediaItem.newBuilder().setMediaId(sticker.name()).setKind(MediaKind.STICKER)
                    .setMime(sticker.mime()).setInlineBytes(ByteBuffer.wrap(sticker.bytes())).build()));
        }
        if (kind >= 0.45 && kind < 0.5) {
            event.setText(DemoDoxxing.message(group.language(), random));
        }
        if (random.nextDouble() < 0.1) {
            DemoGroups.Group origin = groups.get(random.nextInt(groups.size()));
            event.setForwardedFrom(ForwardOrigin.newBuilder().setChatId(origin.chatId()).setHidden(random.nextBoolean()).build());
        }
        return event.build();
    }

    private void sendMalformed(DemoGroups.Group group, long n, AvroSerde<MessageEvent> serde) {
        malformed.incrementAndGet();
        byte[] value = n % (2L * malformedEvery) == 0
                ? "{\"legacy\":\"json event from an old client\"}".getBytes(StandardCharsets.UTF_8)
                : serde.serialize(Topics.MESSAGE_EVENTS.name(), MessageEvent.newBuilder().setPlatform("telegram")
                        .setChatId(group.chatId()).setMessageId(Long.toString(n)).setSenderId("").setSentAt(Instant.now()).build());
        producer.send(new ProducerRecord<>(Topics.MESSAGE_EVENTS.name(), group.chatId(), value));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
