package io.vigil.standalone;

import io.vigil.enricher.policy.PolicyParser;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.DecidedMedia;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupEventKind;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.GroupStatus;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.LineageEvidence;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskReason;
import io.vigil.schemas.RuleHit;
import io.vigil.schemas.Visibility;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.demo.DemoImages;
import io.vigil.standalone.embedded.EmbeddedKafka;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The network memory against a real broker, with the real detector in front: an image in chat A and then the
 * victim's number; two days later a resized copy in chat B with the number written differently; A taken down and
 * re-created as C by its owner, where a mirrored copy appears; a moderator confirms A's image, and a later copy in
 * a fourth chat D is a bank match that says so; a benign market's photos and shop number go round three chats; and
 * a shadow rule is counted and changes nothing. Every message ends as exactly one assessment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkMemoryEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(240);
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(4)).truncatedTo(ChronoUnit.SECONDS);
    private static final String A = "-1001001";
    private static final String B = "-1002002";
    private static final String C = "-1003003";
    private static final String D = "-1004004";
    private static final List<String> MARKET = List.of("-1009001", "-1009002", "-1009003");
    private static final String OWNER = "u-owner";
    private static final String INVITE_TO_C = "https://t.me/+ChicasMadridNew2";
    private static final DemoImages.Image ORIGINAL = DemoImages.photos(1, 20260301).get(0);
    private static final DemoImages.Image RESIZED = DemoImages.reuploaded(ORIGINAL);
    private static final byte[] MIRRORED = mirrored(ORIGINAL.bytes());

    @TempDir
    static Path dataDir;

    private EmbeddedKafka kafka;
    private Pipeline pipeline;
    private KafkaTopics topics;
    private final List<String> sent = new ArrayList<>();
    private Map<String, RiskAssessment> assessed;
    private List<HashBankEntry> accepted;

    @BeforeAll
    void start() throws Exception {
        kafka = EmbeddedKafka.start(dataDir, 0);
        Path policy = dataDir.resolve("policy-with-trial.yaml");
        Files.writeString(policy, defaultPolicy().replace("\ncases:\n", """

                  - name: spread-trial
                    shadow: true
                    when: {cluster.chats: {at-least: 2}}
                    add: 0.2
                    reason: "Trial: spread to {cluster.chats} chats"
                cases:
                """));
        pipeline = Pipeline.start(new Pipeline.Settings(kafka.bootstrapServers(), dataDir, 2, "127.0.0.1", 0, 0, 0, 0,
                "network-test-secret-0123456789abcdef"), Map.of("policy.file", policy.toString()));
        topics = new KafkaTopics(kafka.bootstrapServers());
        await().atMost(TIMEOUT).until(() -> Stream.of(pipeline.detector(), pipeline.enricher(), pipeline.sink())
                .allMatch(s -> s.streams().state() == KafkaStreams.State.RUNNING));
        play();
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private void play() throws Exception {
        group(GroupMetadata.newBuilder(group(A, 12_000, "Chicas Madrid 🔥")).setOwnerId(OWNER).setAdminIds(List.of("u-admin"))
                .setStrikeCount(1).build());
        group(group(B, 8_000, "Amigas Sevilla"));
        group(group(D, 500, "Intercambio"));
        MARKET.forEach(m -> group(group(m, 900, "Mercadillo " + m)));
        Thread.sleep(2_000); // the groups are in both services' tables before the first message

        for (int s = 2; s <= 9; s++) {
            message(A, "chatter-" + s, "s-" + s, T0.minus(Duration.ofHours(s)), "hola a todas, buenas noches", null);
        }
        message(A, "img", "s-1", T0, null, photo("a", ORIGINAL.bytes()));
        message(A, "phone", "s-1", T0.plusSeconds(60), "la de la foto, su número es +34 612 48 90 37, escribidle a ver qué dice", null);
        GroupEvent pin = event(A, GroupEventKind.MESSAGE_PINNED, T0.plus(Duration.ofHours(2)), "u-admin");
        pin.setLinks(List.of(INVITE_TO_C));
        topics.send(Topics.GROUP_EVENTS.name(), new StringSerializer(), AvroSerde.of(GroupEvent.class), A, pin);

        // A moderator confirms A's image (the sink fills a decision's hashes from the queue item; here from the assessment).
        RiskAssessment imageInA = await().atMost(TIMEOUT).until(() -> assessment(A, "img"), a -> a != null);
        MediaSignal hashed = imageInA.getDetection().getMedia().get(0);
        topics.send(Topics.MODERATION_DECISIONS.name(), new StringSerializer(), AvroSerde.of(ModerationDecision.class), A,
                ModerationDecision.newBuilder().setItemId("telegram:" + A + ":img").setQueue("review").setPlatform("telegram")
                        .setChatId(A).setMessageId("img").setAction(ModerationAction.CONFIRMED_REMOVE).setModeratorId("moderator-7")
                        .setDecidedAt(T0.plus(Duration.ofHours(20))).setDecisionId("decision-1").setCategory(ContentCategory.NCII)
                        .setMedia(List.of(DecidedMedia.newBuilder().setMediaId("a").setSha256(hashed.getSha256()).setMd5(hashed.getMd5())
                                .setPdq(hashed.getPdq()).setPdqQuality(hashed.getPdqQuality()).build())).build());

        Instant takedown = T0.plus(Duration.ofDays(1));
        group(GroupMetadata.newBuilder(group(A, 12_000, "Chicas Madrid 🔥")).setOwnerId(OWNER).setAdminIds(List.of("u-admin"))
                .setStrikeCount(1).setStatus(GroupStatus.TAKEN_DOWN).setTakenDownAt(takedown).build());
        topics.send(Topics.GROUP_EVENTS.name(), new StringSerializer(), AvroSerde.of(GroupEvent.class), A,
                event(A, GroupEventKind.TAKEN_DOWN, takedown, null));

        Instant inB = T0.plus(Duration.ofDays(2));
        message(B, "img", "s-20", inB, null, photo("b", RESIZED.bytes()));
        message(B, "phone", "s-20", inB.plusSeconds(60), "la de la foto, su número es 6 1 2 4 8 9 0 3 7, escribidle a ver qué dice", null);

        Thread.sleep(3_000); // A's takedown has reached the network memory before C appears
        Instant cCreated = inB.plus(Duration.ofHours(3));
        group(GroupMetadata.newBuilder(group(C, 3_000, "Chicas Madrid 2.0 (backup)")).setOwnerId(OWNER)
                .setInviteLinks(List.of(INVITE_TO_C)).setCreatedAt(cCreated).build());
        topics.send(Topics.GROUP_EVENTS.name(), new StringSerializer(), AvroSerde.of(GroupEvent.class), C,
                event(C, GroupEventKind.CREATED, cCreated, OWNER));
        for (int s = 1; s <= 8; s++) {
            message(C, "chatter-" + s, "s-" + s, cCreated.plus(Duration.ofMinutes(s)), "ya estamos aquí otra vez", null);
        }
        message(C, "img", "s-3", cCreated.plus(Duration.ofHours(1)), null, photo("c", MIRRORED));

        for (int m = 0; m < MARKET.size(); m++) {
            message(MARKET.get(m), "photo", "shop", T0.plus(Duration.ofHours(m)), null, photo("p", DemoImages.photos(1, 900 + m).get(0).bytes()));
            message(MARKET.get(m), "number", "shop", T0.plus(Duration.ofHours(m)).plusSeconds(20),
                    "Pedidos y encargos: 91 555 01 01, de lunes a sábado de 9 a 14", null);
        }

        // The confirmation is a platform bank entry every detector has loaded; a later copy in D matches it.
        String entryKey = "vigil-confirmed-ncii/SHA256/" + hashed.getSha256();
        accepted = await().atMost(TIMEOUT).until(() -> topics.readCommitted(Topics.HASH_BANK_ACCEPTED.name(),
                AvroSerde.of(HashBankEntry.class), 1, Duration.ofSeconds(3)), entries -> entries.stream()
                .anyMatch(e -> e != null && (e.getBankId() + "/" + e.getSignalType() + "/" + e.getValue()).equals(entryKey)));
        Thread.sleep(2_000); // the global bank table reaches every detector thread
        message(D, "img", "s-40", T0.plus(Duration.ofDays(3)), null, photo("d", ORIGINAL.bytes()));

        List<RiskAssessment> all = topics.readCommitted(Topics.RISK_ASSESSMENTS.name(), AvroSerde.of(RiskAssessment.class), sent.size(), TIMEOUT);
        assessed = all.stream().collect(Collectors.toMap(a -> a.getChatId() + "/" + a.getMessageId(), a -> a, (x, y) -> y));
    }

    @Test
    void everyMessageIsAssessedExactlyOnceAndNothingIsDeadLettered() {
        List<RiskAssessment> all = topics.readCommitted(Topics.RISK_ASSESSMENTS.name(), AvroSerde.of(RiskAssessment.class), sent.size(), TIMEOUT);
        assertThat(all).extracting(a -> a.getChatId() + "/" + a.getMessageId()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(topics.readCommitted(Topics.DEAD_LETTERS.name(), AvroSerde.of(DeadLetter.class), 0, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void theImageAndItsResizedAndMirroredCopiesAreOneClusterWithTheRightReach() {
        var inA = assessed.get(A + "/img").getNetwork().getClusters().get(0);
        var inB = assessed.get(B + "/img").getNetwork().getClusters().get(0);
        var inC = assessed.get(C + "/img").getNetwork().getClusters().get(0);

        assertThat(List.of(inB.getClusterId(), inC.getClusterId())).containsOnly(inA.getClusterId());
        assertThat(inB.getChats()).isEqualTo(2);
        assertThat(inB.getReach()).isEqualTo(12_000 + 8_000);
        assertThat(inC.getChats()).isEqualTo(3);
        assertThat(inC.getReach()).isEqualTo(12_000 + 8_000 + 3_000);
        assertThat(inC.getNewChat()).isTrue();
    }

    @Test
    void oneCaseHoldsTheNumberWrittenTwoWaysAndTheImagesCopies() {
        RiskAssessment phoneInA = assessed.get(A + "/phone");
        RiskAssessment phoneInB = assessed.get(B + "/phone");
        assertThat(phoneInA.getDetection().getText().getDoxxing()).isTrue();
        assertThat(phoneInB.getDetection().getText().getDoxxing()).isTrue();
        assertThat(phoneInB.getDetection().getText().getEntities().get(0).getKeyedHash())
                .as("the detector normalised both writings to one E.164 number before hashing")
                .isEqualTo(phoneInA.getDetection().getText().getEntities().get(0).getKeyedHash());

        String caseId = phoneInA.getNetwork().getVictimCase().getCaseId();
        assertThat(Stream.of(B + "/img", B + "/phone", C + "/img", D + "/img").map(k -> assessed.get(k).getNetwork().getVictimCase().getCaseId()))
                .containsOnly(caseId);
        var latest = assessed.get(D + "/img").getNetwork().getVictimCase();
        assertThat(latest.getItems()).isEqualTo(5);
        assertThat(latest.getChats()).isEqualTo(4);
        assertThat(latest.getReach()).isEqualTo(12_000 + 8_000 + 3_000 + 500);
        assertThat(latest.getSummary()).startsWith("this person's data and images: 4 groups, 23,500 members reached");
        assertThat(assessed.get(A + "/chatter-2").getNetwork().getVictimCase()).isNull();
    }

    @Test
    void theReCreatedChatIsLineageOfTheOneTakenDownWithItsEvidence() {
        List<LineageRecord> lineage = topics.readCommitted(Topics.GROUP_LINEAGE.name(), AvroSerde.of(LineageRecord.class), 1, TIMEOUT);

        assertThat(lineage).isNotEmpty().allSatisfy(r -> assertThat(r.getChatId()).isEqualTo(C));
        LineageRecord latest = lineage.get(lineage.size() - 1);
        assertThat(latest.getPredecessorChatId()).isEqualTo(A);
        assertThat(latest.getRelation()).isEqualTo("recreation");
        assertThat(latest.getScore()).isGreaterThanOrEqualTo(0.8);
        assertThat(latest.getEvidence()).extracting(LineageEvidence::getCode)
                .contains("same_owner", "similar_title", "invite_link", "after_takedown");
        assertThat(latest.getInheritedStrikes()).as("A's platform strike and the confirmed decision").isEqualTo(2);
        assertThat(assessed.get(C + "/img").getNetwork().getLineage().getPredecessorChatId()).isEqualTo(A);
    }

    @Test
    void aConfirmationInAMakesTheCopyInAFourthChatABankMatchThatSaysWhoConfirmedItWhereAndWhen() {
        String provenance = "confirmed by a moderator on " + T0.plus(Duration.ofHours(20)).toString().substring(0, 10)
                + " in chat \"Chicas Madrid 🔥\" (" + A + ")";
        assertThat(accepted).filteredOn(e -> e.getBankId().equals("vigil-confirmed-ncii")).isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.getSource()).isEqualTo(BankSource.PLATFORM);
                    assertThat(e.getMetadata()).containsEntry("provenance", provenance);
                });
        RiskAssessment inD = assessed.get(D + "/img");
        HashMatch match = inD.getDetection().getMedia().get(0).getMatches().get(0);
        assertThat(match.getBankId()).isEqualTo("vigil-confirmed-ncii");
        assertThat(match.getProvenance()).isEqualTo(provenance);
        assertThat(inD.getReasons()).extracting(RiskReason::getDescription).anySatisfy(d -> assertThat(d).endsWith("; " + provenance));
        // The moderator sees it on the queue item itself: the copy's media reference carries the provenance text.
        QueueItem queuedInD = await().atMost(TIMEOUT).until(() -> Stream.of("urgent", "ncii")
                .flatMap(queue -> topics.readCommitted(Topics.queue(queue).name(), AvroSerde.of(QueueItem.class), 0, Duration.ofSeconds(2)).stream())
                .filter(q -> q.getChatId().equals(D) && q.getMessageId().equals("img")).findFirst().orElse(null), q -> q != null);
        assertThat(queuedInD.getMedia()).singleElement().satisfies(ref -> {
            assertThat(ref.getMatchedBanks()).contains("vigil-confirmed-ncii");
            assertThat(ref.getProvenance()).containsExactly(provenance);
        });
        assertThat(queuedInD.getNetwork().getVictimCase().getCaseId()).as("the queue item carries the network context")
                .isEqualTo(inD.getNetwork().getVictimCase().getCaseId());
    }

    @Test
    void theMarketsPhotosAndShopNumberMakeNoCaseAndNoQueueItem() {
        for (String chat : MARKET) {
            for (String item : List.of("/photo", "/number")) {
                RiskAssessment a = assessed.get(chat + item);
                assertThat(a.getNetwork().getVictimCase()).as(chat + item).isNull();
                assertThat(a.getScore()).as(chat + item).isZero();
            }
        }
        Set<String> queuedChats = new java.util.HashSet<>();
        for (String queue : List.of("urgent", "ncii", "doxxing", "review")) {
            topics.readCommitted(Topics.queue(queue).name(), AvroSerde.of(QueueItem.class), 0, Duration.ofSeconds(3))
                    .forEach(q -> queuedChats.add(q.getChatId()));
        }
        assertThat(queuedChats).doesNotContainAnyElementsOf(MARKET);
    }

    @Test
    void theShadowRuleIsCountedAndRecordedAndActsOnNothing() {
        // Only a scored message can be raised, so the trial would have acted on the copy in D (a bank match in 4 chats).
        RiskAssessment inD = assessed.get(D + "/img");
        assertThat(inD.getNetwork().getRuleHits()).filteredOn(h -> h.getRule().equals("spread-trial")).singleElement()
                .satisfies(h -> {
                    assertThat(h.getShadow()).isTrue();
                    assertThat(h.getOutcome()).startsWith("would add");
                });
        assertThat(assessed.values()).allSatisfy(a -> {
            assertThat(a.getReasons()).extracting(RiskReason::getCode).doesNotContain("spread-trial");
            assertThat(a.getReasons().stream().mapToDouble(RiskReason::getContribution).sum())
                    .as("the score is the sum of the acting rules' terms alone").isCloseTo(a.getScore(), org.assertj.core.api.Assertions.within(1e-9));
        });
        long hits = assessed.values().stream().flatMap(a -> a.getNetwork().getRuleHits().stream())
                .filter(h -> h.getRule().equals("spread-trial")).count();
        assertThat(hits).isGreaterThanOrEqualTo(1);
        assertThat(pipeline.enricher().registry().find("vigil.policy.rule.hits").tags("rule", "spread-trial", "shadow", "true")
                .counter().count()).isEqualTo(hits);
    }

    private RiskAssessment assessment(String chat, String message) {
        return topics.readCommitted(Topics.RISK_ASSESSMENTS.name(), AvroSerde.of(RiskAssessment.class), 0, Duration.ofSeconds(2)).stream()
                .filter(a -> a.getChatId().equals(chat) && a.getMessageId().equals(message)).findFirst().orElse(null);
    }

    private void message(String chat, String id, String sender, Instant at, String text, MediaItem media) {
        MessageEvent event = MessageEvent.newBuilder().setPlatform("telegram").setChatId(chat).setMessageId(id).setSenderId(sender)
                .setSentAt(at).setText(text).setMedia(media == null ? List.of() : List.of(media)).build();
        topics.send(Topics.MESSAGE_EVENTS.name(), new StringSerializer(), AvroSerde.of(MessageEvent.class), chat, event);
        sent.add(chat + "/" + id);
    }

    private void group(GroupMetadata group) {
        topics.send(Topics.GROUP_METADATA.name(), new StringSerializer(), AvroSerde.of(GroupMetadata.class), group.getChatId(), group);
    }

    private static GroupMetadata group(String chat, long members, String title) {
        return GroupMetadata.newBuilder().setPlatform("telegram").setChatId(chat).setKind(ChatKind.SUPERGROUP)
                .setVisibility(Visibility.PRIVATE).setMemberCount(members).setTitle(title).setCountryHint("ES")
                .setCreatedAt(T0.minus(Duration.ofDays(30))).setUpdatedAt(Instant.now()).build();
    }

    private static GroupEvent event(String chat, GroupEventKind kind, Instant at, String actor) {
        return GroupEvent.newBuilder().setPlatform("telegram").setChatId(chat).setEventId(chat + ":" + kind + ":" + at.toEpochMilli())
                .setKind(kind).setOccurredAt(at).setActorId(actor).setSource("test").build();
    }

    private static MediaItem photo(String id, byte[] bytes) {
        return MediaItem.newBuilder().setMediaId(id).setKind(MediaKind.PHOTO).setMime("image/jpeg").setInlineBytes(ByteBuffer.wrap(bytes)).build();
    }

    private static byte[] mirrored(byte[] jpeg) {
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(jpeg));
            BufferedImage flipped = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = flipped.createGraphics();
            try {
                g.drawImage(source, source.getWidth(), 0, -source.getWidth(), source.getHeight(), null);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(flipped, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String defaultPolicy() throws IOException {
        try (InputStream in = PolicyParser.class.getResourceAsStream(PolicyParser.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
