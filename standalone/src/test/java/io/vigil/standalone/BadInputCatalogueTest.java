package io.vigil.standalone;

import io.vigil.detector.hashing.Digests;
import io.vigil.schemas.AppliedLimit;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.CommandKind;
import io.vigil.schemas.ModerationCommand;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.TextEntity;
import io.vigil.schemas.Visibility;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.embedded.EmbeddedKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalogue of hostile input, against the three services on a real broker: records of every kind on
 * message-events, group-metadata, hash-bank and moderation-commands (the moderators' decisions as the sink receives
 * them; moderation-decisions is the sink's output) that no honest producer writes (not Avro, a wrong
 * marker, an unknown fingerprint, cut short, padded, length and count bombs, huge text, thousands of entities,
 * oversized outputs, keys that are not the chat, absurd timestamps, every media URI escape, pixel and decompression
 * bombs, corrupt and unsupported images, too many images). Each must end as a dead letter with its reason, or as a
 * processed record whose Detection records the error or the bound applied; the good record right behind it in the
 * same partition must be processed; and for the stateful inputs (group tables, the bank index, queue state) the
 * services are restarted before the state is used, so that a bad record cannot come back through a restore.
 */
class BadInputCatalogueTest {

    private static final int PARTITIONS = 2;
    private static final Duration TIMEOUT = Duration.ofSeconds(240);
    private static final String NUMBER = "612 34 56 78";
    private static final AvroSerde<MessageEvent> EVENTS = AvroSerde.of(MessageEvent.class);
    private static final AvroSerde<GroupMetadata> GROUPS = AvroSerde.of(GroupMetadata.class);
    private static final AvroSerde<HashBankEntry> BANK = AvroSerde.of(HashBankEntry.class);
    private static final AvroSerde<ModerationCommand> COMMANDS = AvroSerde.of(ModerationCommand.class);

    @TempDir
    Path dataDir;

    /** One hostile record and what must become of it. */
    private record Case(String name, String topic, int partition, long offset, Expectation expectation) {
    }

    /** A dead letter from each of these applications with this reason code, or a Detection that passes the check. */
    private record Expectation(List<String> applications, String reasonCode, String messageId, Consumer<Detection> detection) {
        static Expectation deadLetter(String reasonCode, String... applications) {
            return new Expectation(List.of(applications), reasonCode, null, null);
        }

        static Expectation processed(String messageId, Consumer<Detection> check) {
            return new Expectation(List.of(), null, messageId, check);
        }
    }

    private final List<Case> cases = new ArrayList<>();
    /** Message ids that must each have exactly one detection and one risk assessment. */
    private final List<String> goodMessages = new ArrayList<>();
    private KafkaProducer<byte[], byte[]> producer;

    @Test
    void everyHostileRecordEndsAsADeadLetterWithItsReasonOrIsProcessedWithTheErrorRecordedAndTheNextRecordFlows() throws Exception {
        Path blobs = dataDir.resolve("blobs");
        Files.createDirectories(blobs);
        Path outside = Files.createDirectories(dataDir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "not for the detector");
        Files.createSymbolicLink(blobs.resolve("link.jpg"), outside.resolve("secret.txt"));
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000),
                    new ByteArraySerializer(), new ByteArraySerializer());
            KafkaTopics topics = new KafkaTopics(kafka.bootstrapServers());
            Pipeline.Settings settings = new Pipeline.Settings(kafka.bootstrapServers(), dataDir, PARTITIONS, "127.0.0.1", 0, 0, 0, 0,
                    "catalogue-test-secret-0123456789");

            try (Pipeline pipeline = running(settings)) {
                messageEventCases();
                groupMetadataCases();
                hashBankCases();
                commandCases();
                awaitExpectations(topics);
                await().atMost(TIMEOUT).until(() -> commandsDecided(pipeline) == 5);
            }

            // Restart: state comes back from changelogs, and must not bring any refused record with it.
            try (Pipeline pipeline = running(settings)) {
                afterRestart(topics, pipeline);
            }
            producer.close();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
    }

    // ---- message-events: the detector --------------------------------------------------------------------------------

    private void messageEventCases() {
        String detector = "vigil-detector";
        bad("not Avro", Topics.MESSAGE_EVENTS.name(), "me-1", "{\"text\":\"json\"}".getBytes(StandardCharsets.UTF_8),
                Expectation.deadLetter("unreadable_record", detector));
        bad("empty value", Topics.MESSAGE_EVENTS.name(), "me-2", new byte[0], Expectation.deadLetter("unreadable_record", detector));
        bad("wrong marker", Topics.MESSAGE_EVENTS.name(), "me-3", HostileInputs.wrongMarker(valid("me-3", "x")),
                Expectation.deadLetter("unreadable_record", detector));
        bad("unknown fingerprint", Topics.MESSAGE_EVENTS.name(), "me-4", HostileInputs.unknownFingerprint(valid("me-4", "x")),
                Expectation.deadLetter("unreadable_record", detector));
        bad("truncated", Topics.MESSAGE_EVENTS.name(), "me-5", HostileInputs.truncated(valid("me-5", "x")),
                Expectation.deadLetter("unreadable_record", detector));
        bad("bytes after the record", Topics.MESSAGE_EVENTS.name(), "me-6", HostileInputs.padded(valid("me-6", "x")),
                Expectation.deadLetter("unreadable_record", detector));
        bad("array length bomb", Topics.MESSAGE_EVENTS.name(), "me-7", eventBody("me-7", body -> {
            body.writeIndex(0);
            body.writeLong((1L << 31) - 17);
        }), Expectation.deadLetter("unreadable_record", detector));
        bad("negative array count", Topics.MESSAGE_EVENTS.name(), "me-8", eventBody("me-8", body -> {
            body.writeIndex(0);
            body.writeLong(-((1L << 31) - 17));
            body.writeLong(1L << 40);
        }), Expectation.deadLetter("unreadable_record", detector));
        bad("string length bomb", Topics.MESSAGE_EVENTS.name(), "me-9", eventBody("me-9", body -> {
            body.writeIndex(1);
            body.writeLong(Integer.MAX_VALUE - 8);
        }), Expectation.deadLetter("unreadable_record", detector));
        bad("bytes length bomb", Topics.MESSAGE_EVENTS.name(), "me-10", eventBody("me-10", body -> {
            body.writeIndex(0);
            body.writeLong(0);
            body.writeLong(1);
            body.writeString("m");
            body.writeEnum(1);
            for (int i = 0; i < 5; i++) {
                body.writeIndex(0);
            }
            body.writeIndex(1);
            body.writeLong(Integer.MAX_VALUE - 8);
        }), Expectation.deadLetter("unreadable_record", detector));
        bad("tombstone", Topics.MESSAGE_EVENTS.name(), "me-11", null, Expectation.deadLetter("tombstone", detector));
        bad("key is another chat", Topics.MESSAGE_EVENTS.name(), "me-12", "someone-else", valid("me-12", "x"),
                Expectation.deadLetter("key_not_chat_id", detector));
        bad("no key", Topics.MESSAGE_EVENTS.name(), "me-13", null, valid("me-13", "x"), Expectation.deadLetter("missing_key", detector));
        MessageEvent blankChat = event("me-14", "x");
        blankChat.setChatId(" ");
        bad("blank chat id", Topics.MESSAGE_EVENTS.name(), "me-14", " ", EVENTS.serialize("t", blankChat),
                Expectation.deadLetter("missing_chat_id", detector));
        MessageEvent ancient = event("me-15", "x");
        ancient.setSentAt(Instant.parse("1970-01-01T00:00:00Z"));
        bad("absurd timestamp in the past", Topics.MESSAGE_EVENTS.name(), "me-15", EVENTS.serialize("t", ancient),
                Expectation.deadLetter("implausible_timestamp", detector));
        MessageEvent future = event("me-16", "x");
        future.setSentAt(Instant.now().plus(Duration.ofDays(400)));
        bad("absurd timestamp in the future", Topics.MESSAGE_EVENTS.name(), "me-16", EVENTS.serialize("t", future),
                Expectation.deadLetter("implausible_timestamp", detector));
        MessageEvent longId = event("me-17", "x");
        longId.setMessageId("9".repeat(20_000));
        bad("an id of 20,000 characters", Topics.MESSAGE_EVENTS.name(), "me-17", EVENTS.serialize("t", longId),
                Expectation.deadLetter("invalid_message_id", detector));
        MessageEvent entities = event("me-18", "hola " + NUMBER);
        List<TextEntity> many = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            many.add(new TextEntity("phone_number", 5, 12, null));
        }
        entities.setEntities(many);
        bad("thousands of platform entities", Topics.MESSAGE_EVENTS.name(), "me-18", EVENTS.serialize("t", entities),
                Expectation.deadLetter("invalid_entities", detector));
        MessageEvent albums = event("me-19", "x");
        List<MediaItem> hundreds = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            hundreds.add(MediaItem.newBuilder().setMediaId("m" + i).setKind(MediaKind.PHOTO).setBlobUri("file:///none.jpg").build());
        }
        albums.setMedia(hundreds);
        bad("more media than a message holds", Topics.MESSAGE_EVENTS.name(), "me-19", EVENTS.serialize("t", albums),
                Expectation.deadLetter("too_many_media", detector));
        MessageEvent mime = event("me-20", "x");
        mime.setMedia(List.of(MediaItem.newBuilder().setMediaId("a").setKind(MediaKind.PHOTO).setMime("image/" + "x".repeat(1_000))
                .setInlineBytes(ByteBuffer.wrap(new byte[]{1})).build()));
        bad("a mime type of a thousand characters", Topics.MESSAGE_EVENTS.name(), "me-20", EVENTS.serialize("t", mime),
                Expectation.deadLetter("invalid_mime", detector));

        // Processed, with what was bounded or failed recorded in the Detection.
        // A phone number and a distinct e-mail address, again and again: 315 KB, and far more entities than a Detection
        // carries in the part that is scanned (the phone recogniser itself stops after a bounded number of tries).
        StringBuilder flood = new StringBuilder();
        for (int i = 0; i < 9_000; i++) {
            flood.append(NUMBER).append(", u").append(i).append("@mail.example.org, ");
        }
        processed("huge text of phone numbers and e-mails", "me-21", event("me-21", flood.toString()), d -> {
            assertThat(d.getLimits()).extracting(AppliedLimit::getCode).containsExactly("text_truncated", "entities_trimmed");
            assertThat(d.getText().getEntities()).hasSize(200);
        });
        MessageEvent oversized = event("me-22", "x");
        List<MediaItem> longUris = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            longUris.add(MediaItem.newBuilder().setMediaId("media-" + i + "-" + "i".repeat(240)).setKind(MediaKind.VIDEO)
                    .setBlobUri("file:///" + "d/".repeat(1_500) + i + ".mp4").build());
        }
        oversized.setMedia(longUris);
        processed("an output over the record budget", "me-22", oversized, d -> {
            assertThat(d.getMedia()).hasSize(100);
            assertThat(d.getLimits()).extracting(AppliedLimit::getCode).contains("record_trimmed");
        });
        processed("URI escape with ..", "me-23", withMedia("me-23", blob("file:///../../etc/passwd")), mediaError("blob_outside_root"));
        processed("URI escape percent-encoded", "me-24", withMedia("me-24", blob("file:///%2e%2e/%2e%2e/etc/passwd")), mediaError("blob_outside_root"));
        processed("URI escape through a link", "me-25", withMedia("me-25", blob("file:///link.jpg")), mediaError("blob_outside_root"));
        processed("URI naming another host", "me-26", withMedia("me-26", blob("file://elsewhere/etc/passwd")), mediaError("bad_uri"));
        processed("URI with a NUL", "me-27", withMedia("me-27", blob("file:///a%00b.jpg")), mediaError("bad_uri"));
        processed("URI of another scheme", "me-28", withMedia("me-28", blob("http://169.254.169.254/latest/meta-data")), mediaError("unsupported_uri"));
        processed("URI of 5,000 characters", "me-29", withMedia("me-29", blob("file:///" + "a".repeat(5_000))), mediaError("bad_uri"));
        processed("pixel bomb", "me-30", withMedia("me-30", inline(HostileInputs.pngHeaderOnly(100_000, 100_000))), mediaError("image_too_large"));
        processed("decompression bomb", "me-31", withMedia("me-31", inline(HostileInputs.decompressionBomb(10_000, 10_000))),
                mediaError("image_too_large"));
        processed("corrupt image", "me-32", withMedia("me-32", inline(HostileInputs.corruptJpeg())), mediaError("image_corrupt"));
        processed("unsupported image format", "me-33", withMedia("me-33", inline(HostileInputs.tiff())), mediaError("image_unsupported_format"));
        processed("empty image", "me-34", withMedia("me-34", inline(new byte[0])), mediaError("image_empty"));
        byte[] large = HostileInputs.largeFlatPng(5_000, 5_000);
        processed("five 25-megapixel images in one message", "me-35", withMedia("me-35", inline(large), inline(large), inline(large),
                inline(large), inline(large)), d -> {
            assertThat(d.getMedia()).extracting(MediaSignal::getPdq).filteredOn(java.util.Objects::nonNull).hasSize(4);
            assertThat(d.getMedia().get(4).getSkipped()).extracting(s -> s.getStep()).containsExactly("message_pixel_budget");
            assertThat(d.getLimits()).extracting(AppliedLimit::getCode).containsExactly("message_pixel_budget");
        });
    }

    // ---- group-metadata: the detector's and the enricher's group tables ----------------------------------------------

    private void groupMetadataCases() {
        String[] both = {"vigil-detector", "vigil-enricher"};
        groupCase("not Avro", "gm-1", "garbage".getBytes(StandardCharsets.UTF_8), Expectation.deadLetter("unreadable_record", both));
        groupCase("truncated", "gm-2", HostileInputs.truncated(GROUPS.serialize("t", group("gm-2", 1))),
                Expectation.deadLetter("unreadable_record", both));
        groupCase("key is another chat", "gm-3", GROUPS.serialize("t", group("someone-else", 1)),
                Expectation.deadLetter("key_not_chat_id", both));
        groupCase("string length bomb", "gm-4", HostileInputs.record(GroupMetadata.getClassSchema(), body -> {
            body.writeString("telegram");
            body.writeString("gm-4");
            body.writeEnum(0);
            body.writeEnum(0);
            body.writeLong(10);
            body.writeIndex(1);
            body.writeLong(Integer.MAX_VALUE - 8);
        }), Expectation.deadLetter("unreadable_record", both));
        groupCase("negative member count", "gm-5", GROUPS.serialize("t", group("gm-5", -5)),
                Expectation.deadLetter("invalid_member_count", both));
    }

    /**
     * A valid group first, then the bad record (the chat's last), then a valid group of another chat right behind it in
     * the same partition. Before and after the restart, messages in both chats must be assessed with their valid group.
     */
    private void groupCase(String name, String chat, byte[] bad, Expectation expectation) {
        send(Topics.GROUP_METADATA.name(), chat, chat, GROUPS.serialize("t", group(chat, memberCount(chat))));
        bad(name, Topics.GROUP_METADATA.name(), chat, chat, bad, expectation);
        String neighbour = neighbour(chat);
        send(Topics.GROUP_METADATA.name(), chat, neighbour, GROUPS.serialize("t", group(neighbour, memberCount(neighbour))));
        goodMessage(chat, chat + "-msg-before");
        goodMessage(neighbour, neighbour + "-msg-before");
    }

    // ---- hash-bank: the detector's bank validation and index ---------------------------------------------------------

    private void hashBankCases() {
        String detector = "vigil-detector";
        bankCase("not Avro", "{}".getBytes(StandardCharsets.UTF_8), "unreadable_record", detector);
        HashBankEntry badHex = bankEntry("bad-hex", "ZZ".repeat(32));
        bankCase("invalid hash", BANK.serialize("t", badHex), "invalid_bank_entry", detector);
        bankCase("map length bomb", HostileInputs.record(HashBankEntry.getClassSchema(), body -> {
            body.writeString("bank");
            body.writeString("e");
            body.writeEnum(0);
            body.writeEnum(0);
            body.writeEnum(3);
            body.writeString("ab".repeat(32));
            body.writeIndex(0);
            body.writeBoolean(false);
            body.writeLong((1L << 31) - 17);
        }), "unreadable_record", detector);
        bankCase("truncated", HostileInputs.truncated(BANK.serialize("t", bankEntry("t", "cd".repeat(32)))), "unreadable_record", detector);
    }

    private int bankCases;

    /** The bad bank record, then a valid entry right behind it, whose image a later message must match. */
    private void bankCase(String name, byte[] bad, String reason, String application) {
        bankCases++;
        String key = "catalogue/SHA256/bad-" + bankCases;
        bad(name, Topics.HASH_BANK.name(), key, key, bad, Expectation.deadLetter(reason, application));
        HashBankEntry good = bankEntry("good-" + bankCases, Digests.sha256Hex(bankedBytes(bankCases)));
        send(Topics.HASH_BANK.name(), key, "catalogue/SHA256/" + good.getValue(), BANK.serialize("t", good));
    }

    // ---- moderation-commands: the sink's queue state (moderators' decisions enter as commands) ---------------------

    private void commandCases() {
        String sink = "vigil-sink";
        commandCase("not Avro", "mc-1", "nope".getBytes(StandardCharsets.UTF_8), Expectation.deadLetter("unreadable_record", sink));
        commandCase("truncated", "mc-2", HostileInputs.truncated(COMMANDS.serialize("t", command("mc-2", "bad-2"))),
                Expectation.deadLetter("unreadable_record", sink));
        commandCase("key is another chat", "mc-3", COMMANDS.serialize("t", command("someone-else", "bad-3")),
                Expectation.deadLetter("key_not_chat_id", sink));
        commandCase("string length bomb", "mc-4", HostileInputs.record(ModerationCommand.getClassSchema(),
                body -> body.writeLong(Integer.MAX_VALUE - 8)), Expectation.deadLetter("unreadable_record", sink));
        commandCase("tombstone", "mc-5", null, Expectation.deadLetter("tombstone", sink));
    }

    /** The bad command, then a valid one right behind it in the same partition, which the sink must decide. */
    private void commandCase(String name, String chat, byte[] bad, Expectation expectation) {
        bad(name, Topics.MODERATION_COMMANDS.name(), chat, chat, bad, expectation);
        send(Topics.MODERATION_COMMANDS.name(), chat, chat, COMMANDS.serialize("t", command(chat, "good-" + chat)));
    }

    // ---- checks ------------------------------------------------------------------------------------------------------

    private void awaitExpectations(KafkaTopics topics) {
        int lettersExpected = cases.stream().mapToInt(c -> c.expectation().applications().size()).sum();
        List<DeadLetter> deadLetters = topics.readCommitted(Topics.DEAD_LETTERS.name(), AvroSerde.of(DeadLetter.class), lettersExpected, TIMEOUT);
        List<String> processedIds = cases.stream().map(c -> c.expectation().messageId()).filter(java.util.Objects::nonNull).toList();
        int detectionsExpected = goodMessages.size() + processedIds.size();
        List<Detection> detections = topics.readCommitted(Topics.DETECTIONS.name(), AvroSerde.of(Detection.class), detectionsExpected, TIMEOUT);
        List<RiskAssessment> assessments = topics.readCommitted(Topics.RISK_ASSESSMENTS.name(), AvroSerde.of(RiskAssessment.class),
                detectionsExpected, TIMEOUT);

        Map<String, List<DeadLetter>> byCoordinates = deadLetters.stream().collect(Collectors.groupingBy(
                l -> l.getSourceTopic() + "-" + l.getSourcePartition() + "@" + l.getSourceOffset()));
        Map<String, Detection> detectionsById = new HashMap<>();
        detections.forEach(d -> assertThat(detectionsById.put(d.getMessageId(), d)).as("one detection of " + d.getMessageId()).isNull());
        System.out.println("== bad-input catalogue: " + cases.size() + " kinds");
        for (Case c : cases) {
            String coordinates = c.topic() + "-" + c.partition() + "@" + c.offset();
            List<DeadLetter> letters = byCoordinates.getOrDefault(coordinates, List.of());
            if (c.expectation().reasonCode() != null) {
                assertThat(letters).as(c.name()).extracting(DeadLetter::getApplication)
                        .containsExactlyInAnyOrderElementsOf(c.expectation().applications());
                assertThat(letters).as(c.name()).allSatisfy(l -> {
                    assertThat(l.getReason()).startsWith(c.expectation().reasonCode() + ": ");
                    assertThat(l.getOriginalValueProtection()).isEqualTo("omitted");
                });
                System.out.printf("   %-45s %-20s dead letter: %s%n", c.name(), c.topic(), letters.get(0).getReason()
                        .substring(0, Math.min(110, letters.get(0).getReason().length())));
            } else {
                assertThat(letters).as(c.name() + ": no dead letter").isEmpty();
                Detection detection = detectionsById.get(c.expectation().messageId());
                assertThat(detection).as(c.name()).isNotNull();
                c.expectation().detection().accept(detection);
                System.out.printf("   %-45s %-20s processed: limits %s, media errors %s%n", c.name(), c.topic(),
                        detection.getLimits().stream().map(AppliedLimit::getCode).toList(),
                        detection.getMedia().stream().flatMap(m -> Stream.concat(m.getErrors().stream().map(e -> e.getCode()),
                                m.getSkipped().stream().map(s -> s.getStep()))).distinct().toList());
            }
        }
        assertThat(deadLetters).as("no dead letter beyond the catalogue's").hasSize(lettersExpected);
        for (String id : goodMessages) {
            assertThat(detectionsById).as("the good message " + id).containsKey(id);
        }
        Map<String, Long> assessed = assessments.stream().collect(Collectors.groupingBy(RiskAssessment::getMessageId, Collectors.counting()));
        for (String id : detectionsById.keySet()) {
            assertThat(assessed.get(id)).as("one risk assessment of " + id).isEqualTo(1);
        }
        for (RiskAssessment assessment : assessments) {
            if (assessment.getMessageId().contains("-msg-")) {
                assertThat(assessment.getGroup()).as(assessment.getMessageId()).isNotNull();
                assertThat(assessment.getGroup().getMemberCount()).isEqualTo(memberCount(assessment.getChatId()));
            }
        }
        List<String> accepted = topics.readCommitted(Topics.HASH_BANK_ACCEPTED.name(), AvroSerde.of(HashBankEntry.class), bankCases,
                TIMEOUT).stream().map(HashBankEntry::getEntryId).toList();
        for (int n = 1; n <= bankCases; n++) {
            assertThat(accepted).as("the bank entry right behind bad record " + n).contains("good-" + n);
        }
    }

    private void afterRestart(KafkaTopics topics, Pipeline pipeline) throws InterruptedException {
        int before = topics.readCommitted(Topics.RISK_ASSESSMENTS.name(), AvroSerde.of(RiskAssessment.class), 0, Duration.ofSeconds(5)).size();
        List<String> after = new ArrayList<>();
        for (String chat : List.of("gm-1", "gm-2", "gm-3", "gm-4", "gm-5")) {
            for (String group : List.of(chat, neighbour(chat))) {
                String id = group + "-msg-after-restart";
                send(Topics.MESSAGE_EVENTS.name(), group, group, EVENTS.serialize("t", event(group, id, "hola")));
                after.add(id);
            }
        }
        for (int n = 1; n <= bankCases; n++) {
            String id = "bank-after-restart-" + n;
            send(Topics.MESSAGE_EVENTS.name(), "bank-chat", "bank-chat", EVENTS.serialize("t",
                    withMedia(id, "bank-chat", MediaItem.newBuilder().setMediaId("b").setKind(MediaKind.VIDEO)
                            .setInlineBytes(ByteBuffer.wrap(bankedBytes(n))).build())));
            after.add(id);
        }
        // The same command again (a retry), then a new one, in the same partition: the restored outcome store must know
        // the first, so only the new one is decided.
        send(Topics.MODERATION_COMMANDS.name(), "mc-1", "mc-1", COMMANDS.serialize("t", command("mc-1", "good-mc-1")));
        send(Topics.MODERATION_COMMANDS.name(), "mc-1", "mc-1", COMMANDS.serialize("t", command("mc-1", "after-restart")));

        List<RiskAssessment> assessments = topics.readCommitted(Topics.RISK_ASSESSMENTS.name(), AvroSerde.of(RiskAssessment.class),
                before + after.size(), TIMEOUT);
        Map<String, RiskAssessment> byId = assessments.stream().collect(Collectors.toMap(RiskAssessment::getMessageId, a -> a, (a, b) -> {
            throw new AssertionError("two risk assessments of " + a.getMessageId());
        }));
        for (String id : after) {
            RiskAssessment assessment = byId.get(id);
            assertThat(assessment).as(id + " after the restart").isNotNull();
            if (id.contains("-msg-")) {
                assertThat(assessment.getGroup()).as(id).isNotNull();
                assertThat(assessment.getGroup().getMemberCount()).as(id).isEqualTo(memberCount(assessment.getChatId()));
            } else {
                assertThat(assessment.getDetection().getMedia().get(0).getMatches()).as(id + ": the bank index came back").hasSize(1);
            }
        }
        await().atMost(TIMEOUT).until(() -> commandsDecided(pipeline) >= 1);
        Thread.sleep(2_000);
        assertThat(commandsDecided(pipeline)).as("the retried command was recognised from the restored state").isEqualTo(1);
        int letters = cases.stream().mapToInt(c -> c.expectation().applications().size()).sum();
        assertThat(topics.readCommitted(Topics.DEAD_LETTERS.name(), AvroSerde.of(DeadLetter.class), letters, Duration.ofSeconds(10)))
                .as("no new dead letter after the restart").hasSize(letters);
        System.out.println("   after a restart: " + after.size() + " messages in the chats and banks above assessed with their valid "
                + "state; a retried command recognised from the restored outcome store; no new dead letter");
    }

    // ---- building blocks ---------------------------------------------------------------------------------------------

    private Pipeline running(Pipeline.Settings settings) {
        Pipeline pipeline = Pipeline.start(settings);
        await().atMost(TIMEOUT).until(() -> Stream.of(pipeline.detector(), pipeline.enricher(), pipeline.sink())
                .flatMap(s -> s.allStreams().stream()).allMatch(s -> s.state() == KafkaStreams.State.RUNNING));
        return pipeline;
    }

    private static double commandsDecided(Pipeline pipeline) {
        return pipeline.sink().registry().find("vigil.moderation.commands").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private void bad(String name, String topic, String chat, byte[] value, Expectation expectation) {
        bad(name, topic, chat, chat, value, expectation);
    }

    /** A bad record keyed {@code key} into {@code chat}'s partition, then (for message-events) a good message right behind. */
    private void bad(String name, String topic, String chat, String key, byte[] value, Expectation expectation) {
        RecordMetadata written = send(topic, chat, key, value);
        cases.add(new Case(name, topic, written.partition(), written.offset(), expectation));
        if (topic.equals(Topics.MESSAGE_EVENTS.name())) {
            goodMessage(chat, chat + "-good-behind");
        }
    }

    private void processed(String name, String id, MessageEvent event, Consumer<Detection> check) {
        bad(name, Topics.MESSAGE_EVENTS.name(), id, EVENTS.serialize("t", event), Expectation.processed(id, check));
    }

    private void goodMessage(String chat, String id) {
        send(Topics.MESSAGE_EVENTS.name(), chat, chat, EVENTS.serialize("t", event(chat, id, "hola")));
        goodMessages.add(id);
    }

    private RecordMetadata send(String topic, String chat, String key, byte[] value) {
        int partition = Utils.toPositive(Utils.murmur2(chat.getBytes(StandardCharsets.UTF_8))) % (topic.equals(Topics.HASH_BANK.name()) ? 1 : PARTITIONS);
        try {
            return producer.send(new ProducerRecord<>(topic, partition, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send " + topic, e);
        }
    }

    private static Consumer<Detection> mediaError(String code) {
        return d -> assertThat(d.getMedia()).singleElement().satisfies(m ->
                assertThat(Stream.concat(m.getErrors().stream().map(e -> e.getCode()), m.getSkipped().stream().map(s -> s.getStep())))
                        .contains(code));
    }

    private static byte[] valid(String chat, String text) {
        return EVENTS.serialize("t", event(chat, text));
    }

    private static MessageEvent event(String chat, String text) {
        return event(chat, chat, text);
    }

    private static MessageEvent event(String chat, String id, String text) {
        return MessageEvent.newBuilder().setPlatform("telegram").setChatId(chat).setMessageId(id).setSenderId("sender")
                .setSentAt(Instant.now()).setText(text).build();
    }

    private static MessageEvent withMedia(String chat, MediaItem... media) {
        return withMedia(chat, chat, media);
    }

    private static MessageEvent withMedia(String id, String chat, MediaItem... media) {
        MessageEvent event = event(chat, id, "look");
        event.setMedia(List.of(media));
        return event;
    }

    private static MediaItem blob(String uri) {
        return MediaItem.newBuilder().setMediaId("a").setKind(MediaKind.PHOTO).setBlobUri(uri).build();
    }

    private static MediaItem inline(byte[] bytes) {
        return MediaItem.newBuilder().setMediaId("i" + bytes.length).setKind(MediaKind.PHOTO).setMime("image/png")
                .setInlineBytes(ByteBuffer.wrap(bytes)).build();
    }

    private static byte[] eventBody(String chat, HostileInputs.Body rest) {
        return HostileInputs.record(MessageEvent.getClassSchema(), body -> {
            body.writeString("telegram");
            body.writeString("1");
            body.writeString(chat);
            body.writeString("s");
            body.writeLong(Instant.now().toEpochMilli());
            body.writeIndex(0);
            rest.write(body);
        });
    }

    private static GroupMetadata group(String chat, long members) {
        return GroupMetadata.newBuilder().setPlatform("telegram").setChatId(chat).setKind(ChatKind.SUPERGROUP)
                .setVisibility(Visibility.PRIVATE).setMemberCount(members).setCountryHint("ES").setUpdatedAt(Instant.now()).build();
    }

    /** A chat in the same partition as {@code chat}, for the good group record right behind a bad one. */
    private static String neighbour(String chat) {
        int partition = Utils.toPositive(Utils.murmur2(chat.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
        for (int i = 0; ; i++) {
            String candidate = chat + "-n" + i;
            if (Utils.toPositive(Utils.murmur2(candidate.getBytes(StandardCharsets.UTF_8))) % PARTITIONS == partition) {
                return candidate;
            }
        }
    }

    private static long memberCount(String chat) {
        return 1_000 + Math.abs(chat.hashCode() % 100_000);
    }

    private static HashBankEntry bankEntry(String id, String value) {
        return HashBankEntry.newBuilder().setBankId("catalogue").setEntryId(id).setCategory(ContentCategory.NCII)
                .setSource(BankSource.PLATFORM).setSignalType(SignalType.SHA256).setValue(value).setAddedAt(Instant.now()).build();
    }

    private static byte[] bankedBytes(int n) {
        return ("benign synthetic banked media #" + n).getBytes(StandardCharsets.UTF_8);
    }

    private static ModerationCommand command(String chat, String commandId) {
        return ModerationCommand.newBuilder().setCommandId(commandId).setKind(CommandKind.CLAIM).setItemId("telegram:" + chat + ":m")
                .setChatId(chat).setQueue("review").setActor("moderator-1").setRequestedAt(Instant.now()).build();
    }
}
