package io.vigil.standalone.commands.banks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.detector.banks.BankKeys;
import io.vigil.runtime.streams.TopicCreator;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.commands.CliRun;
import io.vigil.standalone.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil banks import}, {@code list} and {@code stats} against a real broker: rejects by line, idempotent
 * re-imports, {@code --replace}, dry runs, refusals, and what list and stats read back. Each test uses banks of
 * its own, so the tests share one broker in any order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BanksCommandTest {

    // PDQ hashes of benign fixture images (detector/src/test/resources/pdq), MD5/SHA-256 digests of "abc" and "".
    private static final String PDQ_PLASMA = "63bc75ae92327bf81cf84ab86609a703da726759598b8c03a6098a035cf63ffc";
    private static final String PDQ_SHAPES = "a744922392eb5bcecf44a90bfdae5cbe74d4b899e05801e94764bba177446456";
    private static final String PDQ_SMALL = "fd493f832307f95ad491de109a83edcd85f2e48977f032b982b028dc3c47f262";
    private static final String PDQ_CHECKER = "ff00ff00ff00ff00ff00ff00ff00ff0000ff00ff00ff00ff00ff00ff00ff00ff";
    private static final String MD5_ABC = "900150983cd24fb0d6963f7d28e17f72";
    private static final String MD5_EMPTY = "d41d8cd98f00b204e9800998ecf8427e";
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static final AvroSerde<HashBankEntry> SERDE = AvroSerde.of(HashBankEntry.class);

    @TempDir
    Path dir;

    private EmbeddedKafka kafka;

    @BeforeAll
    void startBroker(@TempDir Path data) {
        kafka = EmbeddedKafka.start(data, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, List.of(Topics.HASH_BANK, Topics.HASH_BANK_ACCEPTED), 1, (short) 1);
        }
    }

    @AfterAll
    void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void importWritesTheValidLinesReportsTheRestByLineAndIsIdempotent() throws IOException {
        Path list = Files.writeString(dir.resolve("ncii.csv"), String.join("\n",
                "id,hash,quality,note",
                "case-1," + PDQ_PLASMA + ",100,confirmed twice",
                "case-2," + PDQ_SHAPES + ",,",
                "case-3,zz" + PDQ_SMALL.substring(2) + ",90,secret-looking note",
                "case-4," + PDQ_SMALL + ",ninety,",
                "case-5," + PDQ_SMALL.substring(4) + ",,",
                "case-6," + PDQ_PLASMA + ",80,the same hash again",
                ""));

        CliRun first = importList("ncii-a", list, "--signal-type", "pdq", "--max-rejects", "3");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.outLines()).last().isEqualTo("added 2, changed 0, unchanged 0, removed 0, rejected 3");
        assertThat(first.outLines()).first().isEqualTo(
                "bank ncii-a: 7 lines read as CSV, 1 repeating an earlier line, rejects: bad_length 1, bad_quality 1, not_hex 1");
        assertThat(first.errLines()).filteredOn(l -> l.startsWith("line ")).containsExactly(
                "line 4: not_hex (character 1 of the value is not a hex digit)",
                "line 5: bad_quality (PDQ quality is not a whole number)",
                "line 6: bad_length (60 hex digits, a PDQ hash has 64)",
                "line 7: duplicate (the same PDQ hash as an earlier line, which is kept)");
        assertThat(first.err()).doesNotContain("secret-looking", "ninety", PDQ_SMALL.substring(4));

        Map<String, HashBankEntry> bank = bankOn(Topics.HASH_BANK.name(), "ncii-a");
        assertThat(bank).containsOnlyKeys("ncii-a/PDQ/" + PDQ_PLASMA, "ncii-a/PDQ/" + PDQ_SHAPES);
        HashBankEntry plasma = bank.get("ncii-a/PDQ/" + PDQ_PLASMA);
        assertThat(plasma.getEntryId()).isEqualTo("case-1");
        assertThat(plasma.getQuality()).isEqualTo(100);
        assertThat(plasma.getCategory()).isEqualTo(ContentCategory.NCII);
        assertThat(plasma.getSource()).isEqualTo(BankSource.STOPNCII);
        assertThat(plasma.getNegative()).isFalse();
        assertThat(plasma.getMetadata()).containsExactly(Map.entry("note", "confirmed twice"));
        assertThat(bank.get("ncii-a/PDQ/" + PDQ_SHAPES).getQuality()).isNull();
        assertThat(BankKeys.problems("ncii-a/PDQ/" + PDQ_SHAPES, bank.get("ncii-a/PDQ/" + PDQ_SHAPES))).isEmpty();
        long endAfterFirst = endOffset();

        CliRun again = importList("ncii-a", list, "--signal-type", "pdq", "--max-rejects", "3");

        assertThat(again.exitCode()).isZero();
        assertThat(again.outLines()).contains("nothing to write: the bank already holds this list")
                .last().isEqualTo("added 0, changed 0, unchanged 2, removed 0, rejected 3");
        assertThat(endOffset()).isEqualTo(endAfterFirst);
    }

    @Test
    void changedEntriesAreRewrittenAndReplaceRemovesWhatTheListNoLongerHas() throws IOException {
        Path v1 = Files.writeString(dir.resolve("v1.txt"), PDQ_PLASMA + ",100\n" + PDQ_SHAPES + ",90\n" + PDQ_SMALL + ",80\n");
        Path v2 = Files.writeString(dir.resolve("v2.txt"), PDQ_PLASMA + ",100\n" + PDQ_SHAPES + ",95\n" + PDQ_CHECKER + ",100\n");
        assertThat(importList("takedowns-b", v1, "--signal-type", "PDQ").outLines())
                .last().isEqualTo("added 3, changed 0, unchanged 0, removed 0, rejected 0");

        CliRun kept = importList("takedowns-b", v2, "--signal-type", "PDQ");

        assertThat(kept.outLines()).contains("1 entries of the bank are not in this list and were kept (--replace removes them)")
                .last().isEqualTo("added 1, changed 1, unchanged 1, removed 0, rejected 0");
        assertThat(bankOn(Topics.HASH_BANK.name(), "takedowns-b")).hasSize(4)
                .hasEntrySatisfying("takedowns-b/PDQ/" + PDQ_SHAPES, e -> assertThat(e.getQuality()).isEqualTo(95));

        CliRun replaced = importList("takedowns-b", v2, "--signal-type", "PDQ", "--replace");

        assertThat(replaced.outLines()).last().isEqualTo("added 0, changed 0, unchanged 3, removed 1, rejected 0");
        assertThat(bankOn(Topics.HASH_BANK.name(), "takedowns-b"))
                .containsOnlyKeys(Stream.of(PDQ_PLASMA, PDQ_SHAPES, PDQ_CHECKER).map(h -> "takedowns-b/PDQ/" + h).toArray(String[]::new));
        assertThat(importList("takedowns-b", v2, "--signal-type", "PDQ", "--replace").outLines())
                .last().isEqualTo("added 0, changed 0, unchanged 3, removed 0, rejected 0");

        // the same list as another category is a change of every entry; other banks are never touched
        assertThat(importList("takedowns-b", v2, "--signal-type", "PDQ", "--category", "csam").outLines())
                .last().isEqualTo("added 0, changed 3, unchanged 0, removed 0, rejected 0");
        assertThat(bankOn(Topics.HASH_BANK.name(), "takedowns-b").values()).extracting(HashBankEntry::getCategory)
                .containsOnly(ContentCategory.CSAM);
    }

    @Test
    void recordsOfTheBankThatCannotBeReadAreRewrittenOrRemoved() throws Exception {
        // written by something other than the import: an unreadable value, and a key that is not bank/TYPE/value
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()), new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.HASH_BANK.name(), "odd-g/PDQ/" + PDQ_PLASMA, "not avro".getBytes())).get();
            HashBankEntry stray = entry("odd-g", ContentCategory.NCII, BankSource.STOPNCII, SignalType.PDQ, PDQ_SMALL, null, false, Instant.now());
            producer.send(new ProducerRecord<>(Topics.HASH_BANK.name(), "odd-g/pdq/" + PDQ_SMALL, SERDE.serialize("", stray))).get();
        }
        Path list = Files.writeString(dir.resolve("odd.txt"), "pdq " + PDQ_PLASMA + "\npdq " + PDQ_SHAPES + "\n");

        CliRun run = importList("odd-g", list, "--replace");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).last().isEqualTo("added 1, changed 1, unchanged 0, removed 1, rejected 0");
        List<ConsumerRecord<String, byte[]>> records = readAll(Topics.HASH_BANK.name());
        assertThat(records).filteredOn(r -> r.key().equals("odd-g/pdq/" + PDQ_SMALL)).last().satisfies(r -> assertThat(r.value()).isNull());
        assertThat(bankOn(Topics.HASH_BANK.name(), "odd-g")).containsOnlyKeys("odd-g/PDQ/" + PDQ_PLASMA, "odd-g/PDQ/" + PDQ_SHAPES);
        assertThat(importList("odd-g", list, "--replace").outLines()).last()
                .isEqualTo("added 0, changed 0, unchanged 2, removed 0, rejected 0");
    }

    @Test
    void aDryRunComparesButWritesNothing() throws IOException {
        Path list = Files.writeString(dir.resolve("dry.txt"), "md5 " + MD5_ABC + "\nsha256 " + SHA256_ABC + "\n");
        long before = endOffset();

        CliRun run = importList("dry-c", list, "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).contains("dry run: nothing was written").last()
                .isEqualTo("added 2, changed 0, unchanged 0, removed 0, rejected 0");
        assertThat(endOffset()).isEqualTo(before);
        assertThat(bankOn(Topics.HASH_BANK.name(), "dry-c")).isEmpty();
    }

    @Test
    void tooManyRejectsOrAnEmptyReplacementWriteNothing() throws IOException {
        // 64 hex digits without a signal type could be PDQ or SHA-256: every line is rejected
        Path untyped = Files.writeString(dir.resolve("untyped.txt"), PDQ_PLASMA + "\n" + PDQ_SHAPES + "\n" + MD5_ABC + "\n");
        Path typed = Files.writeString(dir.resolve("typed.txt"), "pdq " + PDQ_PLASMA + "\n");
        long before = endOffset();

        CliRun refused = importList("refused-d", untyped);

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("line 1: ambiguous_type", "line 2: ambiguous_type",
                "error: 2 of 3 lines holding a hash were rejected, more than --max-rejects 10%; nothing was written");
        assertThat(endOffset()).isEqualTo(before);

        assertThat(importList("refused-d", typed).exitCode()).isZero();
        Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing\n");
        CliRun emptied = importList("refused-d", empty, "--replace");

        assertThat(emptied.exitCode()).isEqualTo(3);
        assertThat(emptied.err()).contains("--replace would empty bank refused-d; nothing was written");
        assertThat(bankOn(Topics.HASH_BANK.name(), "refused-d")).hasSize(1);
    }

    @Test
    void threatExchangeExportsKeepMediaSignalsAndTheirMetadata() throws IOException {
        Path export = Files.writeString(dir.resolve("te.csv"), String.join("\n",
                "collab,signal_type,signal_str,category,tags",
                "Sample Signals,pdq," + PDQ_PLASMA + ",TRUE_POSITIVE,media_type_photo",
                "Sample Signals,video_md5," + MD5_EMPTY + ",TRUE_POSITIVE,",
                "Sample Signals,url,https://example.org/page,INVESTIGATION_SEED,",
                ""));

        CliRun run = importList("te-e", export, "--format", "threatexchange", "--source", "threatexchange", "--max-rejects", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines().get(0)).startsWith("bank te-e: 4 lines read as THREATEXCHANGE_CSV");
        assertThat(run.errLines()).containsExactly("line 4: unsupported_signal_type (signal type is not a media hash)");
        Map<String, HashBankEntry> bank = bankOn(Topics.HASH_BANK.name(), "te-e");
        assertThat(bank).containsOnlyKeys("te-e/PDQ/" + PDQ_PLASMA, "te-e/MD5/" + MD5_EMPTY);
        assertThat(bank.get("te-e/PDQ/" + PDQ_PLASMA).getMetadata())
                .containsEntry("collab", "Sample Signals").containsEntry("category", "TRUE_POSITIVE")
                .containsEntry("tags", "media_type_photo");
        assertThat(bank.get("te-e/PDQ/" + PDQ_PLASMA).getSource()).isEqualTo(BankSource.THREATEXCHANGE);
    }

    @Test
    void listAndStatsShowWhatTheDetectorsLoad() throws Exception {
        // hash-bank-accepted as a detector writes it: validated entries, a later record replacing an earlier one, a tombstone
        Instant now = Instant.now();
        try (KafkaProducer<String, HashBankEntry> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), SERDE)) {
            List<HashBankEntry> entries = List.of(
                    entry("accepted-ncii", ContentCategory.NCII, BankSource.STOPNCII, SignalType.PDQ, PDQ_PLASMA, 100, false, now),
                    entry("accepted-ncii", ContentCategory.NCII, BankSource.STOPNCII, SignalType.PDQ, PDQ_SHAPES, 40, false, now),
                    entry("accepted-ncii", ContentCategory.NCII, BankSource.STOPNCII, SignalType.PDQ, PDQ_SMALL, null, false, now),
                    entry("accepted-ncii", ContentCategory.NCII, BankSource.STOPNCII, SignalType.MD5, MD5_ABC, null, false, now),
                    entry("accepted-ncii", ContentCategory.NCII, BankSource.STOPNCII, SignalType.SHA256, SHA256_ABC, null, false, now),
                    entry("accepted-allow", ContentCategory.OTHER, BankSource.PLATFORM, SignalType.PDQ, PDQ_CHECKER, 100, true, now),
                    entry("accepted-allow", ContentCategory.OTHER, BankSource.PLATFORM, SignalType.PDQ, PDQ_CHECKER, 100, true, now),
                    entry("accepted-gone", ContentCategory.CSAM, BankSource.NCMEC, SignalType.MD5, MD5_EMPTY, null, false, now));
            for (HashBankEntry e : entries) {
                producer.send(new ProducerRecord<>(Topics.HASH_BANK_ACCEPTED.name(), BankKeys.keyOf(e), e)).get();
            }
            producer.send(new ProducerRecord<>(Topics.HASH_BANK_ACCEPTED.name(), "accepted-gone/MD5/" + MD5_EMPTY, null)).get();
        }

        CliRun list = CliRun.of("banks", "list", "--bootstrap-servers", kafka.bootstrapServers());
        CliRun stats = CliRun.of("banks", "stats", "--bootstrap-servers", kafka.bootstrapServers());
        CliRun json = CliRun.of("banks", "stats", "--json", "--bootstrap-servers", kafka.bootstrapServers());
        CliRun listJson = CliRun.of("banks", "list", "--json", "--bootstrap-servers", kafka.bootstrapServers());

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.outLines()).containsExactly(
                "BANK            CATEGORY  SOURCE    NEGATIVE  PDQ  MD5  SHA256  TOTAL",
                "accepted-allow  OTHER     PLATFORM  yes         1    0       0      1",
                "accepted-ncii   NCII      STOPNCII  no          3    1       1      5");
        assertThat(stats.exitCode()).isZero();
        assertThat(stats.outLines()).containsExactly(
                "hash-bank-accepted: end offsets partition 0 9; 9 records read",
                "banks                 2",
                "negative banks        1",
                "entries               6",
                "  PDQ                 4",
                "  MD5                 1",
                "  SHA256              1",
                "  category NCII       5",
                "  category OTHER      1",
                "  source PLATFORM     1",
                "  source STOPNCII     5",
                "PDQ below quality 50  1",
                "PDQ without quality   1");
        JsonNode statsJson = new ObjectMapper().readTree(json.out());
        assertThat(statsJson.get("endOffsets").get("0").asLong()).isEqualTo(9);
        assertThat(statsJson.get("bySignalType").get("PDQ").asLong()).isEqualTo(4);
        assertThat(statsJson.get("pdqBelowQualityFloor").asLong()).isEqualTo(1);
        JsonNode banks = new ObjectMapper().readTree(listJson.out());
        assertThat(banks).hasSize(2);
        assertThat(banks.get(1).get("bank").asText()).isEqualTo("accepted-ncii");
        assertThat(banks.get(1).get("bySignalType").get("MD5").asLong()).isEqualTo(1);
        assertThat(banks.get(0).get("negative").asBoolean()).isTrue();
        assertThat(banks.get(1).get("negative").asBoolean()).isFalse();

        // what has been imported, before any detector validated it
        Path list2 = Files.writeString(dir.resolve("imported.txt"), "md5 " + MD5_ABC + "\n");
        assertThat(importList("imported-f", list2, "--negative").exitCode()).isZero();
        CliRun imported = CliRun.of("banks", "list", "--topic", "hash-bank", "--bootstrap-servers", kafka.bootstrapServers());
        assertThat(imported.outLines()).anySatisfy(l -> assertThat(l).matches("imported-f +NCII +STOPNCII +yes +0 +1 +0 +1"));
    }

    @Test
    void aMissingTopicIsExplained() {
        CliRun run = CliRun.of("banks", "stats", "--topic", "no-such-topic", "--bootstrap-servers", kafka.bootstrapServers());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: topic no-such-topic does not exist on " + kafka.bootstrapServers());
    }

    /** Imports into a bank of category NCII from source STOPNCII unless the options name others. */
    private CliRun importList(String bank, Path file, String... options) {
        List<String> args = new ArrayList<>(List.of("banks", "import", "--bank", bank, "--bootstrap-servers", kafka.bootstrapServers()));
        List<String> given = List.of(options);
        if (!given.contains("--category")) {
            args.addAll(List.of("--category", "ncii"));
        }
        if (!given.contains("--source")) {
            args.addAll(List.of("--source", "stopncii"));
        }
        args.addAll(given);
        args.add(file.toString());
        return CliRun.of(args.toArray(String[]::new));
    }

    private static HashBankEntry entry(String bank, ContentCategory category, BankSource source, SignalType type, String value,
                                       Integer quality, boolean negative, Instant at) {
        return HashBankEntry.newBuilder().setBankId(bank).setEntryId(value).setCategory(category).setSource(source)
                .setSignalType(type).setValue(value).setQuality(quality).setNegative(negative).setAddedAt(at).build();
    }

    /** The bank's live entries on the topic: every record read to the end, tombstones applied. */
    private Map<String, HashBankEntry> bankOn(String topic, String bank) {
        Map<String, byte[]> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : readAll(topic)) {
            if (record.key().startsWith(bank + "/")) {
                latest.remove(record.key());
                latest.put(record.key(), record.value());
            }
        }
        Map<String, HashBankEntry> live = new LinkedHashMap<>();
        latest.forEach((key, value) -> {
            if (value != null) {
                live.put(key, SERDE.deserialize(topic, value));
            }
        });
        return live;
    }

    private long endOffset() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(Topics.HASH_BANK.name(), 0);
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        return new KafkaConsumer<>(config, new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }
}
