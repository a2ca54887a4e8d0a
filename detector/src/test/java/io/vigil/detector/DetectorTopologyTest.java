package io.vigil.detector;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.detector.banks.BankIndex;
import io.vigil.detector.banks.BankKeys;
import io.vigil.runtime.blobs.BlobStore;
import io.vigil.detector.hashing.Digests;
import io.vigil.detector.steps.BankMatching;
import io.vigil.detector.steps.DetectionAssembly;
import io.vigil.detector.steps.MediaFetching;
import io.vigil.detector.steps.MediaHashing;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.detector.steps.MessageValidation;
import io.vigil.detector.steps.TextScanning;
import io.vigil.detector.doxxing.DoxxingConfig;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.detector.steps.SenderTextMemory;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.PersonalDataEntity;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.TextSignal;
import io.vigil.schemas.Visibility;
import io.vigil.runtime.testing.StreamsTestSupport;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Detection;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DetectorTopologyTest {

    /** When the test messages were sent: any plausible time (the detector refuses timestamps decades off). */
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private static final byte[] BANKED_IMAGE = "benign synthetic image bytes #1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_IMAGE = "benign synthetic image bytes #2".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path blobRoot;

    private DetectorHarness harness;
    private SimpleMeterRegistry registry;
    private DetectorHarness.Input<MessageEvent> events;
    private DetectorHarness.Input<HashBankEntry> bank;
    private DetectorHarness.Output<Detection> detections;
    private DetectorHarness.Output<DeadLetter> deadLetters;

    @BeforeEach
    void start() {
        // Exact hashes and text only: these media bytes are no images, and the classifier has tests of its own.
        harness = new DetectorHarness(blobRoot, PdqMatchPolicy.defaults(), false);
        registry = harness.registry;
        events = harness.events;
        bank = harness.bank;
        detections = harness.detections;
        deadLetters = harness.deadLetters;
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void matchesInlineMediaAgainstTheBankByMd5AndSha256() {
        bank.pipeInput(key(entry("ncii-platform", SignalType.MD5, Digests.md5Hex(BANKED_IMAGE), false)),
                entry("ncii-platform", SignalType.MD5, Digests.md5Hex(BANKED_IMAGE), false));
        bank.pipeInput(key(entry("stopncii", SignalType.SHA256, Digests.sha256Hex(BANKED_IMAGE), false)),
                entry("stopncii", SignalType.SHA256, Digests.sha256Hex(BANKED_IMAGE), false));

        events.pipeInput("chat-1", message("chat-1", "m1", inline("a", BANKED_IMAGE), inline("b", OTHER_IMAGE)));

        Detection detection = detections.readValue();
        assertThat(detection.getMessageId()).isEqualTo("m1");
        assertThat(detection.getMedia()).hasSize(2);
        MediaSignal banked = detection.getMedia().get(0);
        assertThat(banked.getMd5()).isEqualTo(Digests.md5Hex(BANKED_IMAGE));
        assertThat(banked.getSha256()).isEqualTo(Digests.sha256Hex(BANKED_IMAGE));
        assertThat(banked.getMatches()).extracting(m -> m.getBankId() + ":" + m.getSignalType() + ":" + m.getDistance())
                .containsExactlyInAnyOrder("ncii-platform:MD5:0", "stopncii:SHA256:0");
        assertThat(detection.getMedia().get(1).getMatches()).isEmpty();
        assertThat(registry.counter("vigil.detections", "signal", "md5", "category", "ncii").count()).isEqualTo(1);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void readsFileBlobsUnderTheRootAndRecordsPerMediaErrorsWithoutLosingTheMessage() throws Exception {
        Files.write(blobRoot.resolve("photo.jpg"), BANKED_IMAGE);
        bank.pipeInput(key(entry("platform", SignalType.SHA256, Digests.sha256Hex(BANKED_IMAGE), false)),
                entry("platform", SignalType.SHA256, Digests.sha256Hex(BANKED_IMAGE), false));

        events.pipeInput("chat-1", message("chat-1", "m2",
                blob("a", "file:///photo.jpg"), blob("b", "file:///../../etc/passwd"), blob("c", "file:///missing.jpg"),
                blob("d", "https://cdn.example/x.jpg")));

        List<MediaSignal> media = detections.readValue().getMedia();
        assertThat(media.get(0).getMatches()).hasSize(1);
        assertThat(media.get(1).getErrors()).extracting(e -> e.getCode()).containsExactly("blob_outside_root");
        assertThat(media.get(2).getErrors()).extracting(e -> e.getCode()).containsExactly("blob_not_found");
        assertThat(media.get(3).getErrors()).extracting(e -> e.getCode()).containsExactly("unsupported_uri");
        assertThat(media.get(1).getMd5()).isNull();
    }

    @Test
    void aBankUpdateAfterStartMatchesLaterMessagesAndATombstoneRemovesIt() {
        events.pipeInput("chat-1", message("chat-1", "before", inline("a", BANKED_IMAGE)));
        HashBankEntry entry = entry("platform", SignalType.MD5, Digests.md5Hex(BANKED_IMAGE), false);
        bank.pipeInput(key(entry), entry);
        events.pipeInput("chat-1", message("chat-1", "after", inline("a", BANKED_IMAGE)));
        bank.pipeInput(key(entry), null);
        events.pipeInput("chat-1", message("chat-1", "removed", inline("a", BANKED_IMAGE)));

        assertThat(detections.readValuesToList()).extracting(d -> d.getMessageId() + ":" + d.getMedia().get(0).getMatches().size())
                .containsExactly("before:0", "after:1", "removed:0");
    }

    @Test
    void anAllowListMatchSuppressesTheOtherBanks() {
        String md5 = Digests.md5Hex(BANKED_IMAGE);
        bank.pipeInput(key(entry("third-party", SignalType.MD5, md5, false)), entry("third-party", SignalType.MD5, md5, false));
        bank.pipeInput(key(entry("known-memes", SignalType.MD5, md5, true)), entry("known-memes", SignalType.MD5, md5, true));

        events.pipeInput("chat-1", message("chat-1", "m", inline("a", BANKED_IMAGE)));

        assertThat(detections.readValue().getMedia().get(0).getMatches()).isEmpty();
        assertThat(registry.counter("vigil.detections.suppressed", "reason", "allow_list").count()).isEqualTo(1);
    }

    @Test
    void aRecordThatIsNoMessageEventGoesToTheDeadLetterTopicAndTheStreamCarriesOn() {
        byte[] poison = "{not avro}".getBytes(StandardCharsets.UTF_8);
        harness.raw(Topics.MESSAGE_EVENTS.name()).pipeInput("chat-9", poison);
        events.pipeInput("chat-1", message("chat-1", "next", inline("a", OTHER_IMAGE)));

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getStage()).isEqualTo("deserialization");
        assertThat(letter.getReason()).startsWith("unreadable_record: ").contains("not an Avro single-object encoded MessageEvent");
        assertThat(letter.getSourceTopic()).isEqualTo("message-events");
        assertThat(letter.getApplication()).isEqualTo("detector-test");
        // No dead-letter key in this configuration: the original stays on its topic, the letter says where.
        assertThat(letter.getOriginalValue()).isNull();
        assertThat(letter.getOriginalValueProtection()).isEqualTo("omitted");
        assertThat(letter.getOriginalValueBytes()).isEqualTo(poison.length);
        assertThat(letter.getSourceOffset()).isZero();
        assertThat(detections.readValue().getMessageId()).isEqualTo("next");
    }

    @Test
    void anEventThatBreaksTheContractsRulesIsRejectedWithItsReason() {
        events.pipeInput("chat-2", message("chat-1", "wrong-key"));
        MessageEvent noSender = message("chat-1", "no-sender");
        noSender.setSenderId(" ");
        events.pipeInput("chat-1", noSender);

        assertThat(deadLetters.readValuesToList()).extracting(DeadLetter::getReason).containsExactly(
                "key_not_chat_id: message event must be keyed by its chat id",
                "missing_sender_id: message event has no sender id");
        assertThat(detections.isEmpty()).isTrue();
        assertThat(registry.counter("vigil.dead.letters", "stage", "processing", "reason", "key_not_chat_id").count()).isEqualTo(1);
    }

    @Test
    void invalidAndUnreadableBankRecordsAreDeadLetteredAndLeaveTheBankAsItWas() {
        String md5 = Digests.md5Hex(BANKED_IMAGE);
        HashBankEntry good = entry("platform", SignalType.MD5, md5, false);
        bank.pipeInput(key(good), good);
        HashBankEntry badHex = entry("platform", SignalType.MD5, md5.toUpperCase(), false);
        bank.pipeInput(key(good), badHex);
        harness.raw(Topics.HASH_BANK.name()).pipeInput(key(good), new byte[]{1, 2, 3});

        events.pipeInput("chat-1", message("chat-1", "m", inline("a", BANKED_IMAGE)));

        assertThat(deadLetters.readValuesToList()).extracting(DeadLetter::getReason).satisfiesExactly(
                reason -> assertThat(reason).startsWith("invalid_bank_entry: ").contains("32 lower-case hex digits"),
                reason -> assertThat(reason).startsWith("unreadable_record: "));
        assertThat(detections.readValue().getMedia().get(0).getMatches()).hasSize(1);
    }

    @Test
    void aNumberPostedRightAfterAPhotoIsScoredAsDoxxingAndLeavesOnlyMaskedAndHashed() {
        aSpanishGroup();
        MessageEvent photo = message("chat-es", "p1", inline("a", OTHER_IMAGE));
        MessageEvent number = message("chat-es", "t1");
        number.setSentAt(T0.plusSeconds(60));
        number.setText("esta es la de la foto, su número es 612 34 56 78, escribidle");

        events.pipeInput("chat-es", photo);
        events.pipeInput("chat-es", number);

        List<Detection> out = detections.readValuesToList();
        TextSignal text = out.get(1).getText();
        assertThat(out.get(0).getText()).isNull();
        assertThat(text.getFollowsImage()).isTrue();
        assertThat(text.getDoxxing()).isTrue();
        assertThat(text.getEntities()).extracting(PersonalDataEntity::getType).containsExactly(PersonalDataType.PHONE);
        PersonalDataEntity phone = text.getEntities().get(0);
        assertThat(number.getText().substring(phone.getStart(), phone.getEnd())).isEqualTo("612 34 56 78");
        assertThat(phone.getMaskedPreview()).doesNotContain("34 56").contains("•");
        assertThat(phone.getKeyedHash()).hasSize(64);
        assertThat(text.getMaskedText()).as("the text a moderator reads: the number replaced by its masked preview")
                .isEqualTo("esta es la de la foto, su número es " + phone.getMaskedPreview() + ", escribidle");
        String serialized = new String(AvroSerde.of(Detection.class).serialize("detections", out.get(1)), StandardCharsets.UTF_8);
        assertThat(serialized).doesNotContain("612 34 56 78").doesNotContain("612345678").doesNotContain("34 56 78");
    }

    @Test
    void aNumberLongAfterThePhotoDoesNotCountAsFollowingIt() {
        MessageEvent photo = message("chat-1", "p1", inline("a", OTHER_IMAGE));
        MessageEvent later = message("chat-1", "t1");
        later.setSentAt(T0.plus(Duration.ofHours(2)));
        later.setText("hola a todos");
        MessageEvent otherSender = message("chat-1", "t2");
        otherSender.setSenderId("sender-2");
        otherSender.setText("hola");

        events.pipeInput("chat-1", photo);
        events.pipeInput("chat-1", otherSender);
        events.pipeInput("chat-1", later);

        assertThat(detections.readValuesToList()).extracting(d -> d.getText() == null ? null : d.getText().getFollowsImage())
                .containsExactly(null, false, false);
    }

    @Test
    void dataSplitOverTwoMessagesOfOneSenderIsScoredWithTheFirstOnesPointing() {
        aSpanishGroup();
        MessageEvent pointing = message("chat-es", "t1");
        pointing.setText("esta es la guarra del video, su número 👇");
        MessageEvent number = message("chat-es", "t2");
        number.setSentAt(T0.plusSeconds(20));
        number.setText("612 34 56 78");
        MessageEvent sameFromOther = message("chat-es", "t3");
        sameFromOther.setSenderId("sender-2");
        sameFromOther.setSentAt(T0.plusSeconds(30));
        sameFromOther.setText("612 34 56 78");
        MessageEvent muchLater = message("chat-es", "t4");
        muchLater.setSentAt(T0.plus(Duration.ofHours(3)));
        muchLater.setText("612 34 56 78");

        events.pipeInput("chat-es", pointing);
        events.pipeInput("chat-es", number);
        events.pipeInput("chat-es", sameFromOther);
        events.pipeInput("chat-es", muchLater);

        List<TextSignal> texts = detections.readValuesToList().stream().map(Detection::getText).toList();
        assertThat(texts.get(1).getReasons()).anyMatch(r -> r.contains("previous message pointed at a third person"));
        assertThat(texts.get(1).getScore()).isGreaterThan(texts.get(2).getScore());
        assertThat(texts.get(2).getReasons()).noneMatch(r -> r.contains("previous message"));
        assertThat(texts.get(3).getReasons()).noneMatch(r -> r.contains("previous message"));
        assertThat(texts.get(3).getScore()).isEqualTo(texts.get(2).getScore());
    }

    @Test
    void aMessageThatPointsAtNothingEndsWhatTheSendersEarlierMessagePointedAt() {
        aSpanishGroup();
        MessageEvent pointing = message("chat-es", "t1");
        pointing.setText("esta es la guarra del video, su número 👇");
        MessageEvent chatter = message("chat-es", "t2");
        chatter.setSentAt(T0.plusSeconds(10));
        chatter.setText("jajaja qué risa");
        MessageEvent number = message("chat-es", "t3");
        number.setSentAt(T0.plusSeconds(20));
        number.setText("612 34 56 78");
        MessageEvent pointingAgain = message("chat-es", "t4");
        pointingAgain.setSentAt(T0.plusSeconds(30));
        pointingAgain.setText("esta es la guarra del video, su número 👇");
        MessageEvent numberAgain = message("chat-es", "t5");
        numberAgain.setSentAt(T0.plusSeconds(40));
        numberAgain.setText("612 34 56 78");

        events.pipeInput("chat-es", pointing);
        events.pipeInput("chat-es", chatter);
        events.pipeInput("chat-es", number);
        events.pipeInput("chat-es", pointingAgain);
        events.pipeInput("chat-es", numberAgain);

        List<TextSignal> texts = detections.readValuesToList().stream().map(Detection::getText).toList();
        assertThat(texts.get(2).getReasons()).noneMatch(r -> r.contains("previous message"));
        assertThat(texts.get(4).getReasons()).anyMatch(r -> r.contains("previous message pointed at a third person"));
    }

    @Test
    void aMessageWhoseCuesCannotChangeTheNextScanLeavesNoRowAndStillEndsAnEarlierPointing() {
        aSpanishGroup();
        KeyValueStore<String, Long> lastCues = harness.driver.getKeyValueStore(SenderTextMemory.STORE);
        MessageEvent pointing = message("chat-es", "t1");
        pointing.setText("esta es la guarra del video, su número 👇");
        MessageEvent seller = message("chat-es", "t2");
        seller.setSentAt(T0.plusSeconds(10));
        seller.setText("anyone after running shoes? best price in town");
        MessageEvent number = message("chat-es", "t3");
        number.setSentAt(T0.plusSeconds(20));
        number.setText("612 34 56 78");

        events.pipeInput("chat-es", pointing);
        String sender = "chat-es/" + pointing.getSenderId();
        assertThat(lastCues.get(sender)).isNotNull();
        events.pipeInput("chat-es", seller);
        assertThat(lastCues.get(sender)).isNull();
        events.pipeInput("chat-es", number);

        List<TextSignal> texts = detections.readValuesToList().stream().map(Detection::getText).toList();
        assertThat(texts.get(2).getReasons()).noneMatch(r -> r.contains("previous message"));
        assertThat(lastCues.get(sender)).isNull();
    }

    @Test
    void whatAMessagePointedAtCarriesOverBetweenTheTextAndTheMediaStage() {
        aSpanishGroup();
        MessageEvent pointing = message("chat-es", "t1");
        pointing.setText("esta es la guarra del video, su número 👇");
        MessageEvent captionedNumber = message("chat-es", "p2", inline("a", OTHER_IMAGE));
        captionedNumber.setSentAt(T0.plusSeconds(20));
        captionedNumber.setText("612 34 56 78");
        MessageEvent otherSendersImage = message("chat-es", "p3", inline("b", OTHER_IMAGE));
        otherSendersImage.setSenderId("sender-2");
        otherSendersImage.setSentAt(T0.plusSeconds(25));
        otherSendersImage.setText("612 34 56 78");
        MessageEvent pointingCaption = message("chat-es", "p4", inline("c", OTHER_IMAGE));
        pointingCaption.setSenderId("sender-3");
        pointingCaption.setSentAt(T0.plusSeconds(30));
        pointingCaption.setText("esta es la guarra del video, su número 👇");
        MessageEvent numberAfterCaption = message("chat-es", "t5");
        numberAfterCaption.setSenderId("sender-3");
        numberAfterCaption.setSentAt(T0.plusSeconds(40));
        numberAfterCaption.setText("612 34 56 78");

        for (MessageEvent event : List.of(pointing, captionedNumber, otherSendersImage, pointingCaption, numberAfterCaption)) {
            events.pipeInput("chat-es", event);
        }

        List<Detection> out = detections.readValuesToList();
        assertThat(out).extracting(Detection::getMessageId).containsExactly("t1", "p2", "p3", "p4", "t5");
        // text stage -> media stage: the image's caption is scanned knowing what the text before it pointed at
        assertThat(out.get(1).getText().getReasons()).anyMatch(r -> r.contains("previous message pointed at a third person"));
        assertThat(out.get(2).getText().getReasons()).noneMatch(r -> r.contains("previous message"));
        // media message -> text stage: a caption's pointing is remembered for the sender's next text
        assertThat(out.get(4).getText().getReasons()).anyMatch(r -> r.contains("previous message pointed at a third person"));
    }

    @Test
    void imageWorkAndOcrRunOnlyInTheMediaStageWhoseThreadsHoldNoText() {
        String text = harness.topology.text().describe().toString();
        String media = harness.topology.media().describe().toString();

        assertThat(text).contains("scan-text", "media-work-sink").doesNotContain("fetch-media", "analyse-images", "match-banks");
        assertThat(media).contains("media-work-source", "fetch-media", "analyse-images", "match-banks", "scan-text-media")
                .doesNotContain("message-events-source");
    }

    /** The private Spanish supergroup the text tests post in: its country hint makes national numbers readable. */
    private void aSpanishGroup() {
        harness.groups.pipeInput("chat-es", GroupMetadata.newBuilder().setPlatform("telegram").setChatId("chat-es")
                .setKind(ChatKind.SUPERGROUP).setVisibility(Visibility.PRIVATE).setMemberCount(9000).setCountryHint("ES")
                .setUpdatedAt(Instant.EPOCH).build());
    }

    private static String key(HashBankEntry entry) {
        return BankKeys.keyOf(entry);
    }

    static HashBankEntry entry(String bankId, SignalType type, String value, boolean negative) {
        return HashBankEntry.newBuilder().setBankId(bankId).setEntryId(bankId + "-1").setCategory(ContentCategory.NCII)
                .setSource(BankSource.PLATFORM).setSignalType(type).setValue(value).setNegative(negative)
                .setMetadata(Map.of()).setAddedAt(Instant.EPOCH).build();
    }

    static MessageEvent message(String chatId, String messageId, MediaItem... media) {
        return MessageEvent.newBuilder().setPlatform("telegram").setChatId(chatId).setMessageId(messageId)
                .setSenderId("sender-1").setSentAt(T0).setMedia(List.of(media)).build();
    }

    static MediaItem inline(String id, byte[] bytes) {
        return MediaItem.newBuilder().setMediaId(id).setKind(MediaKind.PHOTO).setInlineBytes(ByteBuffer.wrap(bytes)).build();
    }

    static MediaItem blob(String id, String uri) {
        return MediaItem.newBuilder().setMediaId(id).setKind(MediaKind.PHOTO).setBlobUri(uri).build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
