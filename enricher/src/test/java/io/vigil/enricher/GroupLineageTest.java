package io.vigil.enricher;

import io.vigil.pdq.testing.RandomHashes;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupEventKind;
import io.vigil.schemas.GroupStatus;
import io.vigil.schemas.LineageEvidence;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static io.vigil.enricher.Messages.Image;
import static org.assertj.core.api.Assertions.assertThat;

/** Group lineage: re-created chats with their evidence and inheritance, migrations, and what is not lineage. */
class GroupLineageTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private EnricherHarness harness;

    @BeforeEach
    void start() {
        harness = new EnricherHarness();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aChatReCreatedByTheSameOwnerWithTheSameSendersAndPhotoAfterATakedownIsLineageAndInheritsStrikes() {
        harness.groups.pipeInput("old", Messages.group("old", 5_000).setTitle("Filtradas 🔞 ES").setOwnerId("u1")
                .setCreatedAt(T.minus(Duration.ofDays(60))).setStrikeCount(3).build());
        GroupEvent photo = Messages.event("old", GroupEventKind.PHOTO_CHANGED, T.minus(Duration.ofDays(50)), "u2");
        photo.setPhoto(io.vigil.schemas.GroupPhoto.newBuilder().setSha256(Messages.sha256("group photo")).build());
        harness.events.pipeInput("old", photo);
        for (int s = 0; s < 30; s++) {
            harness.detections.pipeInput("old", Messages.detection("old", "m" + s, "s" + s, T.minus(Duration.ofDays(10)).plusSeconds(s)).build());
        }
        harness.events.pipeInput("old", Messages.event("old", GroupEventKind.TAKEN_DOWN, T, null));

        harness.groups.pipeInput("new", Messages.group("new", 900).setTitle("FILTRADAS ES (nuevo) 🔞🔞").setOwnerId("u1")
                .setCreatedAt(T.plus(Duration.ofHours(6))).build());
        GroupEvent samePhoto = Messages.event("new", GroupEventKind.PHOTO_CHANGED, T.plus(Duration.ofHours(7)), "u2");
        samePhoto.setPhoto(photo.getPhoto());
        harness.events.pipeInput("new", samePhoto);
        for (int s = 0; s < 20; s++) {
            harness.detections.pipeInput("new", Messages.detection("new", "n" + s, "s" + s, T.plus(Duration.ofHours(8)).plusSeconds(s)).build());
        }

        List<LineageRecord> records = harness.lineage.readValuesToList();
        LineageRecord latest = records.get(records.size() - 1);
        assertThat(records).extracting(LineageRecord::getChatId).containsOnly("new");
        assertThat(latest.getPredecessorChatId()).isEqualTo("old");
        assertThat(latest.getRelation()).isEqualTo("recreation");
        assertThat(latest.getEvidence()).extracting(LineageEvidence::getCode)
                .containsExactlyInAnyOrder("same_owner", "shared_admins", "shared_senders", "similar_title", "same_photo", "after_takedown");
        assertThat(latest.getEvidence()).extracting(LineageEvidence::getDescription).contains("The owner (u1) owns both chats",
                "1 admin of the old chat acts as admin here (u2)", "The same group photo",
                "This chat appeared 6 hours after the old one was taken down on 2026-03-01");
        assertThat(latest.getInheritedStrikes()).isEqualTo(3);
        // 1 - the product of (1 - weight): owner .45, one shared admin .35/2, senders .4, title .25, photo .3, timing .15
        assertThat(latest.getScore()).isCloseTo(1 - 0.55 * 0.825 * 0.6 * 0.75 * 0.7 * 0.85, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(latest.getSummary()).startsWith("Re-creates \"Filtradas 🔞 ES\" (old), taken down 2026-03-01 (lineage score");
        assertThat(latest.getPolicyVersion()).startsWith("vigil-default-2+");

        harness.detections.pipeInput("new", Messages.text("new", "doxx", "s3", T.plus(Duration.ofHours(9)), true,
                Messages.entity(io.vigil.schemas.PersonalDataType.PHONE, "+34600000009")));
        RiskAssessment inNew = harness.assessments.readValuesToList().stream().filter(a -> a.getMessageId().equals("doxx")).findFirst().orElseThrow();
        assertThat(inNew.getNetwork().getLineage().getPredecessorChatId()).isEqualTo("old");
        assertThat(inNew.getNetwork().getLineage().getInheritedStrikes()).isEqualTo(3);
        assertThat(inNew.getNetwork().getVigilStrikes()).isEqualTo(3);
        assertThat(inNew.getReasons()).extracting(RiskReason::getCode).contains("recreated_chat", "vigil_strikes");
    }

    @Test
    void aSupergroupMigratedFromABasicGroupIsMigrationNotReCreationAndInheritsToo() {
        harness.groups.pipeInput("basic", Messages.group("basic", 150).setTitle("Grupo").setStrikeCount(1).build());
        GroupEvent migrated = Messages.event("super", GroupEventKind.MIGRATED_FROM, T, "u1");
        migrated.setRelatedChatId("basic");
        harness.events.pipeInput("super", migrated);

        LineageRecord record = harness.lineage.readValuesToList().stream().filter(r -> r.getChatId().equals("super"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(record.getPredecessorChatId()).isEqualTo("basic");
        assertThat(record.getRelation()).isEqualTo("migration");
        assertThat(record.getScore()).isEqualTo(1.0);
        assertThat(record.getInheritedStrikes()).isEqualTo(1);
        assertThat(record.getSummary()).isEqualTo("Migrated from basic group \"Grupo\" (basic): inherits 1 strike and 0 harmful items of its history.");
    }

    @Test
    void chatsThatShareAMemeAndAFewMembersAreNotLineage() {
        Image meme = Image.of("meme", RandomHashes.random(new Random(3)));
        harness.groups.pipeInput("flagged", Messages.group("flagged", 3_000).setTitle("Memes y más").setOwnerId("u1")
                .setCreatedAt(T.minus(Duration.ofDays(30))).setStatus(GroupStatus.TAKEN_DOWN).setTakenDownAt(T).build());
        harness.detections.pipeInput("flagged", Messages.image("flagged", "m", "s1", T.minus(Duration.ofDays(2)), meme, 0.01));
        for (int s = 0; s < 40; s++) {
            harness.detections.pipeInput("flagged", Messages.detection("flagged", "f" + s, "f" + s, T.minus(Duration.ofDays(1)).plusSeconds(s)).build());
        }
        harness.groups.pipeInput("unrelated", Messages.group("unrelated", 2_000).setTitle("Fútbol Sevilla").setOwnerId("u9")
                .setCreatedAt(T.plus(Duration.ofDays(3))).build());
        harness.detections.pipeInput("unrelated", Messages.image("unrelated", "m", "x1", T.plus(Duration.ofDays(3)), meme, 0.01));
        for (int s = 0; s < 40; s++) {
            String sender = s < 3 ? "f" + s : "x" + s; // three members in common
            harness.detections.pipeInput("unrelated", Messages.detection("unrelated", "u" + s, sender, T.plus(Duration.ofDays(3)).plusSeconds(s)).build());
        }

        assertThat(harness.lineage.isEmpty()).isTrue();
    }
}
