package io.vigil.enricher;

import io.vigil.pdq.testing.RandomHashes;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskReason;
import io.vigil.schemas.SignalType;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static io.vigil.enricher.Messages.Image;
import static org.assertj.core.api.Assertions.assertThat;

/** Stay-down entries from confirmed decisions, their withdrawal on reversal, and Vigil's strikes per chat. */
class StayDownAndStrikesTest {

    private static final Instant DECIDED = Instant.parse("2026-03-02T09:30:00Z");
    private static final Image IMAGE = Image.of("confirmed", RandomHashes.random(new Random(1)));
    private EnricherHarness harness;

    @BeforeEach
    void start() {
        harness = new EnricherHarness();
        harness.groups.pipeInput("a", Messages.group("a", 700).setTitle("Chicas Madrid").build());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aConfirmingDecisionWritesThePlatformBankEntriesWithTheDecisionAsProvenanceOnce() {
        harness.decisions.pipeInput("a", Messages.confirm("a", "m1", "d-1", DECIDED, IMAGE));
        harness.decisions.pipeInput("a", Messages.confirm("a", "m1", "d-1", DECIDED, IMAGE)); // a replay

        List<TestRecord<String, HashBankEntry>> written = harness.hashBank.readRecordsToList();
        assertThat(written).extracting(TestRecord::key).containsExactly(
                "vigil-confirmed-ncii/SHA256/" + IMAGE.sha256(), "vigil-confirmed-ncii/PDQ/" + IMAGE.pdq().toHex());
        HashBankEntry pdq = written.get(1).value();
        assertThat(pdq.getSignalType()).isEqualTo(SignalType.PDQ);
        assertThat(pdq.getQuality()).isEqualTo(90);
        assertThat(pdq.getSource()).isEqualTo(BankSource.PLATFORM);
        assertThat(pdq.getCategory()).isEqualTo(ContentCategory.NCII);
        assertThat(pdq.getEntryId()).isEqualTo("d-1:media-" + IMAGE.sha256().substring(0, 6));
        assertThat(pdq.getMetadata()).containsEntry("provenance", "confirmed by a moderator on 2026-03-02 in chat \"Chicas Madrid\" (a)")
                .containsEntry("decision_id", "d-1").containsEntry("chat_id", "a").containsEntry("decided_at", "2026-03-02T09:30:00Z");
    }

    @Test
    void reversingADecisionTombstonesOnlyWhatNoOtherDecisionConfirms() {
        harness.groups.pipeInput("b", Messages.group("b", 100).setTitle("Otro").build());
        harness.decisions.pipeInput("a", Messages.confirm("a", "m1", "d-1", DECIDED, IMAGE));
        harness.decisions.pipeInput("b", Messages.confirm("b", "m7", "d-2", DECIDED.plusSeconds(3600), IMAGE));
        harness.hashBank.readRecordsToList();

        harness.decisions.pipeInput("a", Messages.reverse("a", "m1", "d-3", "d-1", DECIDED.plusSeconds(7200)));
        List<TestRecord<String, HashBankEntry>> rewritten = harness.hashBank.readRecordsToList();
        assertThat(rewritten).hasSize(2).allSatisfy(r -> {
            assertThat(r.value()).as("still confirmed by d-2, now in its name").isNotNull();
            assertThat(r.value().getMetadata()).containsEntry("decision_id", "d-2")
                    .containsEntry("provenance", "confirmed by a moderator on 2026-03-02 in chat \"Otro\" (b)");
        });

        harness.decisions.pipeInput("b", Messages.reverse("b", "m7", "d-4", "d-2", DECIDED.plusSeconds(9000)));
        assertThat(harness.hashBank.readRecordsToList()).hasSize(2).allSatisfy(r -> assertThat(r.value()).as("tombstone").isNull());
    }

    @Test
    void confirmedDecisionsAreStrikesAgainstTheChatAndAReversalTakesOneBack() {
        harness.decisions.pipeInput("a", Messages.confirm("a", "m1", "d-1", DECIDED, IMAGE));
        ModerationDecision second = Messages.confirm("a", "m2", "d-2", DECIDED, IMAGE);
        second.setMedia(List.of());
        second.setAction(ModerationAction.CONFIRMED_REMOVE_AND_BAN);
        harness.decisions.pipeInput("a", second);
        harness.detections.pipeInput("a", Messages.text("a", "m3", "s", DECIDED.plusSeconds(60), true,
                Messages.entity(io.vigil.schemas.PersonalDataType.PHONE, "+34600000001")));
        harness.decisions.pipeInput("a", Messages.reverse("a", "m1", "d-3", "d-1", DECIDED.plusSeconds(120)));
        harness.detections.pipeInput("a", Messages.text("a", "m4", "s", DECIDED.plusSeconds(180), true,
                Messages.entity(io.vigil.schemas.PersonalDataType.PHONE, "+34600000002")));

        List<RiskAssessment> out = harness.assessments.readValuesToList();
        assertThat(out.get(0).getNetwork().getVigilStrikes()).isEqualTo(2);
        assertThat(out.get(0).getNetwork().getOwnStrikes()).isEqualTo(2);
        assertThat(out.get(0).getReasons()).extracting(RiskReason::getDescription)
                .contains("Vigil counts 2 confirmed violation(s) against this chat and its lineage (2 here, 0 inherited)");
        assertThat(out.get(1).getNetwork().getVigilStrikes()).isEqualTo(1);
    }

    @Test
    void aDecisionWithAMalformedHashIsDeadLetteredWholeAndChangesNothing() {
        ModerationDecision broken = Messages.confirm("a", "m1", "d-1", DECIDED, IMAGE);
        broken.getMedia().get(0).setPdq("not-a-hash");
        harness.decisions.pipeInput("a", broken);
        harness.detections.pipeInput("a", Messages.text("a", "m2", "s", DECIDED, true,
                Messages.entity(io.vigil.schemas.PersonalDataType.PHONE, "+34600000001")));

        DeadLetter letter = harness.deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo("invalid_decision: moderation decision refused: media[0].pdq must be 64 lower-case hex digits");
        assertThat(harness.hashBank.isEmpty()).isTrue();
        assertThat(harness.assessments.readValue().getNetwork().getVigilStrikes()).isZero();
    }
}
