package io.vigil.enricher;

import io.vigil.schemas.NudityScores;
import io.vigil.schemas.PersonalDataEntity;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.TextSignal;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.RiskReason;
import io.vigil.runtime.testing.StreamsTestSupport;
import io.vigil.schemas.topics.Topics;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.Visibility;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Today's cases, unchanged by the move to policy rules and the network memory: the same scores, levels and reasons. */
class EnricherTopologyTest {

    private EnricherHarness harness;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Detection> detections;
    private TestInputTopic<String, GroupMetadata> groups;
    private TestOutputTopic<String, RiskAssessment> assessments;
    private TestOutputTopic<byte[], DeadLetter> deadLetters;

    @BeforeEach
    void start() {
        harness = new EnricherHarness();
        driver = harness.driver;
        detections = harness.detections;
        groups = harness.groups;
        assessments = harness.assessments;
        deadLetters = harness.deadLetters;
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void scoresABankMatchInItsGroupsContextWithReasons() {
        groups.pipeInput("chat-1", group("chat-1", 48_200, Visibility.PUBLIC, 0));
        detections.pipeInput("chat-1", detection("chat-1", "m1", ncciMatch()));

        RiskAssessment assessment = assessments.readValue();
        assertThat(assessment.getLevel()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(assessment.getScore()).isGreaterThan(0.9);
        assertThat(assessment.getCategories()).containsExactly(ContentCategory.NCII);
        assertThat(assessment.getGroup().getMemberCount()).isEqualTo(48_200);
        assertThat(assessment.getReasons()).extracting(RiskReason::getDescription).contains(
                "The media item matches bank 'stopncii' of known non-consensual intimate images (source stopncii, SHA-256 exact hash)",
                "Posted to 48,200 members");
        assertThat(assessment.getDetection().getMessageId()).isEqualTo("m1");
    }

    @Test
    void aDetectionOfAnUnknownGroupIsStillAssessed() {
        detections.pipeInput("chat-2", detection("chat-2", "m2"));

        RiskAssessment assessment = assessments.readValue();
        assertThat(assessment.getGroup()).isNull();
        assertThat(assessment.getScore()).isZero();
        assertThat(assessment.getReasons()).extracting(RiskReason::getCode).containsExactly("group_unknown");
    }

    @Test
    void theLatestGroupMetadataIsUsed() {
        groups.pipeInput("chat-1", group("chat-1", 10, Visibility.PRIVATE, 0));
        groups.pipeInput("chat-1", group("chat-1", 5_000, Visibility.PRIVATE, 2));
        detections.pipeInput("chat-1", detection("chat-1", "m3", ncciMatch()));

        RiskAssessment assessment = assessments.readValue();
        assertThat(assessment.getGroup().getMemberCount()).isEqualTo(5_000);
        assertThat(assessment.getReasons()).extracting(RiskReason::getCode).contains("large_group", "repeat_offender_group");
    }

    @Test
    void groupMetadataKeyedByAnotherChatOrUnreadableIsDeadLetteredAndTheGroupKeepsItsState() {
        groups.pipeInput("chat-1", group("chat-1", 5_000, Visibility.PRIVATE, 2));
        groups.pipeInput("chat-1", group("chat-2", 10, Visibility.PUBLIC, 0));
        StreamsTestSupport.rawInput(driver, Topics.GROUP_METADATA.name()).pipeInput("chat-1".getBytes(), new byte[]{(byte) 0xC3, 1, 9});
        detections.pipeInput("chat-1", detection("chat-1", "m5", ncciMatch()));

        assertThat(deadLetters.readValuesToList()).extracting(letter -> letter.getReason().split(":")[0])
                .containsExactly("key_not_chat_id", "unreadable_record");
        assertThat(assessments.readValue().getGroup().getMemberCount()).isEqualTo(5_000);
    }

    @Test
    void anUnreadableDetectionIsDeadLetteredAndTheNextOneFlows() {
        StreamsTestSupport.rawInput(driver, Topics.DETECTIONS.name()).pipeInput("chat-1".getBytes(), new byte[]{(byte) 0xC3, 1, 9});
        detections.pipeInput("chat-1", detection("chat-1", "m4"));

        assertThat(deadLetters.readValue().getReason()).startsWith("unreadable_record: ");
        assertThat(assessments.readValue().getMessageId()).isEqualTo("m4");
    }

    @Test
    void anExplicitImageWithTheVictimsDataIsCriticalAndAloneIsHighRiskNcii() {
        Detection alone = detection("chat-3", "n1");
        alone.getMedia().get(0).setNudity(nudity(0.93));
        Detection withData = detection("chat-3", "n2");
        withData.getMedia().get(0).setNudity(nudity(0.93));
        withData.setText(doxxing());

        detections.pipeInput("chat-3", alone);
        detections.pipeInput("chat-3", withData);

        List<RiskAssessment> out = assessments.readValuesToList();
        // Which queue that reaches is the sink's routing: EnricherToSinkRoutingTest (standalone) checks the two together.
        assertThat(out.get(0).getLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(out.get(0).getScore()).isEqualTo(0.6);
        assertThat(out.get(0).getCategories()).containsExactly(ContentCategory.NCII);
        assertThat(out.get(0).getReasons()).extracting(RiskReason::getCode).containsExactlyInAnyOrder("explicit_image", "group_unknown");
        assertThat(out.get(1).getLevel()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(out.get(1).getCategories()).containsExactlyInAnyOrder(ContentCategory.NCII, ContentCategory.DOXXING);
        assertThat(out.get(1).getReasons()).extracting(RiskReason::getDescription)
                .anySatisfy(d -> assertThat(d).startsWith("The text exposes a third person's phone (exposure 91%)"));
    }

    @Test
    void doxxingAloneIsScoredAsDoxxing() {
        Detection detection = detection("chat-3", "d1");
        detection.setText(doxxing());

        detections.pipeInput("chat-3", detection);

        RiskAssessment assessment = assessments.readValue();
        assertThat(assessment.getCategories()).containsExactly(ContentCategory.DOXXING);
        assertThat(assessment.getScore()).isEqualTo(0.75);
    }

    static NudityScores nudity(double explicit) {
        return NudityScores.newBuilder().setModel("nsfwjs-mobilenet-v2").setScores(java.util.Map.of("porn", explicit))
                .setExplicit(explicit).setSuggestive(0).setDrawn(0).setNeutral(1 - explicit).build();
    }

    static TextSignal doxxing() {
        return TextSignal.newBuilder().setDoxxing(true).setScore(0.91).setFollowsImage(true)
                .setReasons(List.of("targeting language about someone else")).setEntities(List.of(PersonalDataEntity.newBuilder()
                        .setType(PersonalDataType.PHONE).setStart(10).setEnd(22).setConfidence(0.99).setKeyedHash("ab".repeat(32))
                        .setMaskedPreview("+34 6•• ••• •78").build())).build();
    }

    static HashMatch ncciMatch() {
        return HashMatch.newBuilder().setBankId("stopncii").setEntryId("e1").setCategory(ContentCategory.NCII)
                .setSource(BankSource.STOPNCII).setSignalType(SignalType.SHA256).setDistance(0).build();
    }

    static Detection detection(String chatId, String messageId, HashMatch... matches) {
        return Detection.newBuilder().setPlatform("telegram").setChatId(chatId).setMessageId(messageId).setSenderId("s")
                .setSentAt(Instant.EPOCH).setDetectedAt(Instant.EPOCH)
                .setMedia(List.of(MediaSignal.newBuilder().setMediaId("a").setKind(MediaKind.PHOTO).setMatches(List.of(matches)).build()))
                .build();
    }

    static GroupMetadata group(String chatId, long members, Visibility visibility, int strikes) {
        return GroupMetadata.newBuilder().setPlatform("telegram").setChatId(chatId).setKind(ChatKind.SUPERGROUP)
                .setVisibility(visibility).setMemberCount(members).setTitle("Group " + chatId).setStrikeCount(strikes)
                .setUpdatedAt(Instant.EPOCH).build();
    }
}
