package io.vigil.standalone.commands.banks;

import io.vigil.standalone.commands.banks.lists.BankListEntry;
import io.vigil.standalone.commands.banks.lists.BankListFormatException;
import io.vigil.standalone.commands.banks.lists.BankListHandler;
import io.vigil.standalone.commands.banks.lists.BankListOptions;
import io.vigil.standalone.commands.banks.lists.BankListParser;
import io.vigil.standalone.commands.banks.lists.BankListReject;
import io.vigil.standalone.commands.banks.lists.BankListSummary;
import io.vigil.detector.banks.BankKeys;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.serde.AvroSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Brings one bank on the hash-bank topic in line with a list, writing only the difference, so that importing the
 * same list again writes nothing:
 * <ol>
 *   <li>reads the topic to its end and keeps this bank's current entries (a tombstone removes one);</li>
 *   <li>parses the list, validating every line, and classifies each entry as added, changed or unchanged (a
 *       repeated hash keeps its first line); nothing is written if the rejects exceed the limit;</li>
 *   <li>parses the list again and writes the added and changed entries, then (with {@code replace}) a tombstone
 *       for every entry of the bank the list does not have.</li>
 * </ol>
 * The list is read twice rather than held in memory; its SHA-256 must be the same both times. The producer is
 * idempotent with {@code acks=all}; an import that stops half-way is completed by running it again.
 */
final class BankImport {

    /** What to import. */
    record Request(String bankId, ContentCategory category, BankSource source, boolean negative, Path file,
                   BankListOptions listOptions, boolean replace, boolean dryRun, RejectLimit maxRejects, String topic) {
    }

    /** The import was refused before anything was written. */
    static final class Refused extends Exception {
        private final transient ImportSummary summary;

        Refused(String message, ImportSummary summary) {
            super(message);
            this.summary = summary;
        }

        ImportSummary summary() {
            return summary;
        }
    }

    // States of a table entry. The bank's entries before the import:
    private static final byte PRESENT = 1;
    private static final byte ABSENT = 2;      // removed by a tombstone
    private static final byte UNREADABLE = 3;  // a record this version cannot read: rewritten or removed
    // ... and after reading the list:
    private static final byte ADDED = 4;
    private static final byte CHANGED = 5;
    private static final byte UNCHANGED = 6;
    private static final byte WRITTEN = 7;

    /** The table holds one bank. */
    private static final int BANK = 0;
    private static final int PRODUCER_BATCH_BYTES = 256 * 1024;
    private static final int PRODUCER_LINGER_MS = 20;

    private final Map<String, Object> clientSettings;
    private final Duration timeout;
    private final PrintWriter err;
    private final Progress progress;

    BankImport(Map<String, Object> clientSettings, Duration timeout, PrintWriter err, Progress progress) {
        this.clientSettings = clientSettings;
        this.timeout = timeout;
        this.err = err;
        this.progress = progress;
    }

    /** Checks the bank id as the detector will, before anything is read. */
    static List<String> bankIdProblems(String bankId) {
        HashBankEntry probe = HashBankEntry.newBuilder().setBankId(bankId).setEntryId("probe")
                .setCategory(ContentCategory.OTHER).setSource(BankSource.FILE).setSignalType(SignalType.MD5)
                .setValue("0".repeat(BankKeys.hexLength(SignalType.MD5))).setAddedAt(Instant.EPOCH).build();
        return BankKeys.problems(BankKeys.keyOf(probe), probe);
    }

    ImportSummary run(Request request) throws IOException, BankListFormatException, MissingTopicException, Refused {
        Instant now = Instant.now();
        EntryTable table = new EntryTable();
        Set<String> strayKeys = new LinkedHashSet<>();
        readBank(request, table, strayKeys);

        Classifier classifier = new Classifier(request, table, now);
        byte[] digest = parse(request, classifier);
        long notInFile = strayKeys.size();
        for (int entry = 0; entry < table.size(); entry++) {
            byte state = table.state(entry);
            if (state == PRESENT || state == UNREADABLE) {
                notInFile++;
            }
        }
        ImportSummary planned = classifier.summary(request.replace() ? notInFile : 0, request.replace() ? 0 : notInFile, false);
        if (request.maxRejects().exceededBy(planned.rejected(), planned.candidates())) {
            throw new Refused(planned.rejected() + " of " + planned.candidates() + " lines holding a hash were rejected, more than --max-rejects "
                    + request.maxRejects() + "; nothing was written (check --format and --signal-type, or raise --max-rejects)", planned);
        }
        if (request.replace() && planned.candidates() - planned.rejected() == 0 && notInFile > 0) {
            throw new Refused("the list has no valid entry, and --replace would empty bank " + request.bankId()
                    + "; nothing was written", planned);
        }
        if (request.dryRun() || planned.added() + planned.changed() + planned.removed() == 0) {
            return planned;
        }
        write(request, table, strayKeys, now, digest, planned);
        return classifier.summary(planned.removed(), planned.kept(), true);
    }

    /** Step 1: the bank's entries as the topic has them now. */
    private void readBank(Request request, EntryTable table, Set<String> strayKeys) throws MissingTopicException {
        String prefix = request.bankId() + "/";
        new HashBankTopicReader(clientSettings, timeout, progress).read(request.topic(),
                key -> key != null && key.startsWith(prefix), new CurrentEntries(request.bankId(), table, strayKeys));
    }

    /** Step 1's visitor: each record of the bank sets its entry's state, the latest record last. */
    private record CurrentEntries(String bankId, EntryTable table, Set<String> strayKeys) implements HashBankTopicReader.Visitor {
        @Override
        public void record(String key, HashBankEntry entry) {
            EntryKey parsed = EntryKey.ofRecordKey(bankId, key).orElse(null);
            if (parsed == null) {
                // not a key Vigil writes; no list line can produce it, so only --replace touches it
                if (entry == null) {
                    strayKeys.remove(key);
                } else {
                    strayKeys.add(key);
                }
            } else if (entry == null) {
                int known = table.find(BANK, parsed);
                if (known >= 0) {
                    table.state(known, ABSENT);
                }
            } else {
                int slot = table.findOrAdd(BANK, parsed);
                table.state(slot, PRESENT);
                table.payload(slot, EntryFingerprint.of(entry));
            }
        }

        @Override
        public void unreadable(String key, String reason) {
            EntryKey parsed = EntryKey.ofRecordKey(bankId, key).orElse(null);
            if (parsed == null) {
                strayKeys.add(key);
            } else {
                table.state(table.findOrAdd(BANK, parsed), UNREADABLE);
            }
        }
    }

    /** Step 2: classifies every entry of the list against the bank; returns the list's SHA-256. */
    private byte[] parse(Request request, Classifier classifier) throws IOException, BankListFormatException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(request.file()), sha256)) {
            classifier.listSummary = new BankListParser(request.listOptions()).parse(new KeptOpen(in), classifier);
            in.transferTo(OutputStream.nullOutputStream()); // the digest covers the whole file, however it was parsed
        }
        return sha256.digest();
    }

    /** Step 3: the added and changed entries, then the tombstones. */
    private void write(Request request, EntryTable table, Set<String> strayKeys, Instant now, byte[] digest, ImportSummary planned)
            throws IOException, BankListFormatException {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, PRODUCER_LINGER_MS);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, PRODUCER_BATCH_BYTES);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "vigil-banks-import");
        long toWrite = planned.added() + planned.changed() + planned.removed();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long[] sent = {0};
        try (KafkaProducer<String, HashBankEntry> producer = new KafkaProducer<>(settings, new StringSerializer(),
                AvroSerde.of(HashBankEntry.class))) {
            Sender sender = (key, value) -> {
                if (failure.get() != null) {
                    throw new IllegalStateException("writing to " + request.topic() + " failed: " + failure.get().getMessage(), failure.get());
                }
                producer.send(new ProducerRecord<>(request.topic(), key, value), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                sent[0]++;
                progress.tick(() -> "  wrote " + sent[0] + " of " + toWrite + " records to " + request.topic());
            };
            MessageDigest sha256 = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(request.file()), sha256)) {
                new BankListParser(request.listOptions()).parse(new KeptOpen(in), new BankListHandler() {
                    @Override
                    public void entry(BankListEntry line) {
                        HashBankEntry entry = toEntry(request, line, now);
                        int slot = table.find(BANK, EntryKey.of(line.type(), line.value()).orElseThrow());
                        byte state = slot < 0 ? 0 : table.state(slot);
                        if ((state == ADDED || state == CHANGED) && table.payload(slot) == EntryFingerprint.of(entry)) {
                            sender.send(BankKeys.keyOf(entry), entry);
                            table.state(slot, WRITTEN);
                        }
                    }

                    @Override
                    public void reject(BankListReject reject) {
                    }
                });
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (!Arrays.equals(digest, sha256.digest())) {
                producer.flush();
                throw new IOException(request.file() + " changed while it was being imported; no entry was removed."
                        + " Run the import again once the file is complete");
            }
            if (request.replace()) {
                for (int entry = 0; entry < table.size(); entry++) {
                    byte state = table.state(entry);
                    if (state == PRESENT || state == UNREADABLE) {
                        sender.send(table.key(entry).recordKey(request.bankId()), null);
                    }
                }
                for (String key : strayKeys) {
                    sender.send(key, null);
                }
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("writing to " + request.topic() + " failed: " + failure.get().getMessage(), failure.get());
            }
        }
    }

    /** The CSV parser closes what it reads; the digest must still see the file to its end. */
    private static final class KeptOpen extends FilterInputStream {
        KeptOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

    @FunctionalInterface
    private interface Sender {
        void send(String key, HashBankEntry value);
    }

    static HashBankEntry toEntry(Request request, BankListEntry line, Instant addedAt) {
        return HashBankEntry.newBuilder()
                .setBankId(request.bankId())
                .setEntryId(line.entryId())
                .setCategory(request.category())
                .setSource(request.source())
                .setSignalType(line.type())
                .setValue(line.value())
                .setQuality(line.type() == SignalType.PDQ ? line.quality() : null)
                .setNegative(request.negative())
                .setMetadata(new HashMap<>(line.metadata()))
                .setAddedAt(addedAt)
                .build();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** Step 2's handler: each list entry against the bank's current state; rejects and duplicates reported by line. */
    private final class Classifier implements BankListHandler {
        private final Request request;
        private final EntryTable table;
        private final Instant now;
        private long added;
        private long changed;
        private long unchanged;
        private long duplicates;
        private BankListSummary listSummary;
        private long lastLine;
        private long rejects;

        Classifier(Request request, EntryTable table, Instant now) {
            this.request = request;
            this.table = table;
            this.now = now;
        }

        @Override
        public void entry(BankListEntry line) {
            lastLine = line.line();
            long fingerprint = EntryFingerprint.of(toEntry(request, line, now));
            int slot = table.findOrAdd(BANK, EntryKey.of(line.type(), line.value()).orElseThrow());
            switch (table.state(slot)) {
                case PRESENT -> {
                    boolean same = table.payload(slot) == fingerprint;
                    table.state(slot, same ? UNCHANGED : CHANGED);
                    if (same) {
                        unchanged++;
                    } else {
                        changed++;
                    }
                }
                case UNREADABLE -> {
                    table.state(slot, CHANGED);
                    changed++;
                }
                case ADDED, CHANGED, UNCHANGED -> {
                    duplicates++;
                    err.println("line " + line.line() + ": duplicate (the same " + line.type() + " hash as an earlier line, which is kept)");
                    return;
                }
                default -> { // new, or removed earlier
                    table.state(slot, ADDED);
                    added++;
                }
            }
            table.payload(slot, fingerprint);
        }

        @Override
        public void reject(BankListReject reject) {
            lastLine = reject.line();
            rejects++;
            err.println(reject);
        }

        @Override
        public void progress(BankListSummary soFar) {
            progress.tick(() -> "  line " + soFar.lines() + ": " + soFar.entries() + " entries, " + soFar.rejects() + " rejected");
        }

        ImportSummary summary(long removed, long kept, boolean written) {
            BankListSummary list = listSummary;
            return new ImportSummary(list == null ? request.listOptions().format() : list.format(),
                    list == null ? lastLine : list.lines(), added, changed, unchanged, removed, kept, rejects, duplicates,
                    list == null ? Map.of() : list.rejectsByReason(), written);
        }
    }
}
