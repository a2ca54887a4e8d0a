package io.vigil.standalone.demo;

import io.vigil.detector.hashing.Digests;
import io.vigil.detector.pdq.PdqHasher;
import io.vigil.ingest.blobs.BlobWriter;
import io.vigil.ingest.groups.GroupsFile;
import io.vigil.ingest.kafka.ExistingEvents;
import io.vigil.ingest.kafka.ReplayWriter;
import io.vigil.ingest.replay.ExportReplay;
import io.vigil.ingest.replay.ReplayEvent;
import io.vigil.ingest.replay.Tally;
import io.vigil.ingest.telegram.export.ExportFiles;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Demo traffic as real input arrives: the demo's synthetic Telegram export ({@link DemoExport}) replayed through the
 * same code as {@code vigil replay}, looped, each loop with fresh message ids and the current time, at a steady rate,
 * after the groups' metadata and a few demo hash banks. Now and then a malformed record shows where bad input goes.
 */
public final class DemoTraffic implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
    private static final String LOOP_FILE = "demo-loop";

    private final String bootstrapServers;
    private final Path dataDir;
    private final double eventsPerSecond;
    private final int malformedEvery;
    private final Thread thread;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong loops = new AtomicLong();
    private volatile boolean running = true;
    private ReplayWriter writer;
    private ExportReplay replay;

    /**
     * @param dataDir        the demo's data directory: the export is written under it, its media go to its blobs/
     * @param malformedEvery every Nth record is malformed (0: never)
     */
    public DemoTraffic(String bootstrapServers, Path dataDir, double eventsPerSecond, int malformedEvery) {
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.eventsPerSecond = eventsPerSecond;
        this.malformedEvery = malformedEvery;
        this.thread = new Thread(this::run, "vigil-demo-traffic");
        this.thread.setDaemon(true);
    }

    /** Writes and reads the export, publishes banks and metadata, then replays until closed. */
    public void start() {
        Path exportDir = DemoExport.writeTo(dataDir.resolve("telegram-export"));
        Tally tally = new Tally();
        try {
            replay = ExportReplay.read(ExportFiles.find(DemoExport.exports(exportDir)), GroupsFile.read(DemoExport.groups(exportDir)),
                    new BlobWriter(dataDir.resolve("blobs"), "telegram"), new ExportReplay.Options(52_428_800L, ZoneOffset.UTC, false),
                    problem -> LOG.warn("demo export: {}", problem), tally);
        } catch (IOException | GroupsFile.InvalidException e) {
            throw new IllegalStateException("the demo export cannot be read: " + e.getMessage(), e);
        }
        writer = new ReplayWriter(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), Duration.ofSeconds(30), "vigil-demo-traffic");
        publishBanks();
        writer.writeMetadata(replay.groupMetadata(Instant.now()), ExistingEvents.none());
        loops.set(readLoop());
        thread.start();
    }

    public long sent() {
        return sent.get();
    }

    public long malformed() {
        return malformed.get();
    }

    public long loops() {
        return loops.get();
    }

    public int chats() {
        return replay.chats().size();
    }

    public long eventsPerLoop() {
        return replay.eventCount();
    }

    /**
     * Banks of the demo's pictures: the picture the groups share is in an NCII bank by SHA-256, and by PDQ in a
     * hash-sharing programme's list (which also catches its re-uploads); a market photo is on a third party's list and
     * on the platform's allow-list, which cancels it.
     */
    private void publishBanks() {
        AvroSerde<HashBankEntry> serde = AvroSerde.of(HashBankEntry.class);
        Instant now = Instant.now();
        DemoImages.Image shared = DemoImages.named("shared-1", 640, 480);
        DemoImages.Image lamp = DemoImages.named("market-lamp", 640, 480);
        bank(serde, "demo-ncii", ContentCategory.NCII, BankSource.PLATFORM, SignalType.SHA256, Digests.sha256Hex(shared.bytes()), false, now);
        bank(serde, "demo-stopncii", ContentCategory.NCII, BankSource.STOPNCII, SignalType.PDQ, pdqHex(shared), false, now);
        bank(serde, "demo-third-party", ContentCategory.NCII, BankSource.FILE, SignalType.MD5, Digests.md5Hex(lamp.bytes()), false, now);
        bank(serde, "demo-allow", ContentCategory.OTHER, BankSource.PLATFORM, SignalType.MD5, Digests.md5Hex(lamp.bytes()), true, now);
        writer.flush();
    }

    private void bank(AvroSerde<HashBankEntry> serde, String bank, ContentCategory category, BankSource source,
                      SignalType type, String value, boolean negative, Instant now) {
        HashBankEntry entry = HashBankEntry.newBuilder().setBankId(bank).setEntryId(bank + "-" + value.substring(0, 12))
                .setCategory(category).setSource(source).setSignalType(type).setValue(value).setNegative(negative)
                .setMetadata(Map.of("origin", "vigil demo")).setAddedAt(now).build();
        writer.sendRaw(Topics.HASH_BANK.name(), bank + "/" + type.name() + "/" + value, serde.serialize(Topics.HASH_BANK.name(), entry));
    }

    private static String pdqHex(DemoImages.Image image) {
        try {
            return new PdqHasher().hash(ImageIO.read(new java.io.ByteArrayInputStream(image.bytes()))).hash().toHex();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run() {
        AvroSerde<MessageEvent> serde = AvroSerde.of(MessageEvent.class);
        long intervalNanos = (long) (1_000_000_000L / eventsPerSecond);
        long next = System.nanoTime();
        while (running) {
            long loop = loops.get();
            Iterator<ReplayEvent> events = replay.events();
            try {
                while (running && events.hasNext()) {
                    ReplayEvent event = LoopIds.fresh(events.next(), loop, Instant.now());
                    long n = sent.incrementAndGet();
                    if (malformedEvery > 0 && n % malformedEvery == 0) {
                        sendMalformed(event.chatId(), n, serde);
                    }
                    writer.send(event);
                    next += intervalNanos;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    }
                }
                writer.flush();
                writeLoop(loops.incrementAndGet());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("demo traffic could not send: {}", e.getMessage());
                sleepQuietly();
            }
        }
    }

    /** Now and then a record a service cannot take: an old client's JSON, or an event without a sender. */
    private void sendMalformed(String chatId, long n, AvroSerde<MessageEvent> serde) {
        malformed.incrementAndGet();
        byte[] value = n % (2L * malformedEvery) == 0
                ? "{\"legacy\":\"json event from an old client\"}".getBytes(StandardCharsets.UTF_8)
                : serde.serialize(Topics.MESSAGE_EVENTS.name(), MessageEvent.newBuilder().setPlatform("telegram")
                        .setChatId(chatId).setMessageId("malformed-" + n).setSenderId("").setSentAt(Instant.now()).build());
        writer.sendRaw(Topics.MESSAGE_EVENTS.name(), chatId, value);
    }

    /** The loop to continue from, so that a restarted demo's ids are fresh too. */
    private long readLoop() {
        try {
            Path file = dataDir.resolve(LOOP_FILE);
            return Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private void writeLoop(long loop) {
        try {
            Files.writeString(dataDir.resolve(LOOP_FILE), Long.toString(loop));
        } catch (IOException e) {
            LOG.warn("cannot keep the demo's loop count: {}", e.getMessage());
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        if (writer != null) {
            writer.close();
        }
        if (replay != null) {
            replay.close();
        }
    }
}
