package io.vigil.enricher;

import io.vigil.pdq.Hash256;
import io.vigil.pdq.testing.RandomHashes;
import io.vigil.schemas.ClusterSighting;
import io.vigil.schemas.Detection;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskLevel;
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

/** Media clusters: exact copies and near-duplicates across chats, their spread and reach, and what spread adds to a score. */
class MediaSpreadTest {

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
    void copiesAcrossChatsJoinOneClusterThatCountsChatsReachSightingsAndForwards() {
        Image image = Image.of("photo", RandomHashes.random(new Random(1)));
        harness.groups.pipeInput("a", Messages.group("a", 500).build());
        harness.groups.pipeInput("b", Messages.group("b", 2_000).build());
        harness.detections.pipeInput("a", Messages.image("a", "1", "s", T, image, 0.1));
        harness.detections.pipeInput("a", Messages.image("a", "2", "s", T.plusSeconds(60), image, 0.1));
        Detection forward = Messages.image("b", "3", "t", T.plusSeconds(120), image, 0.1);
        forward.setForwardedFromChatId("a");
        harness.detections.pipeInput("b", forward);
        harness.detections.pipeInput("c", Messages.image("c", "4", "u", T.plusSeconds(180), image, 0.1));

        List<ClusterSighting> seen = harness.assessments.readValuesToList().stream().map(a -> a.getNetwork().getClusters().get(0)).toList();
        assertThat(seen).extracting(ClusterSighting::getClusterId).containsOnly(seen.get(0).getClusterId());
        assertThat(seen).extracting(ClusterSighting::getChats).containsExactly(1, 1, 2, 3);
        assertThat(seen).extracting(ClusterSighting::getSightings).containsExactly(1L, 2L, 3L, 4L);
        assertThat(seen).extracting(ClusterSighting::getReach).as("members counted once per chat; c is unknown")
                .containsExactly(500L, 500L, 2_500L, 2_500L);
        assertThat(seen).extracting(ClusterSighting::getNewChat).containsExactly(false, false, true, true);
        assertThat(seen).extracting(ClusterSighting::getForwards).containsExactly(0L, 0L, 1L, 1L);
        assertThat(seen.get(3).getFirstSeen()).isEqualTo(T);
        assertThat(seen.get(3).getLastSeen()).isEqualTo(T.plusSeconds(180));
        assertThat(seen.get(3).getFirstChatId()).isEqualTo("a");
    }

    @Test
    void aMirroredCopyJoinsThroughItsDihedralVariantsAndADifferentImageDoesNot() {
        Image image = Image.of("photo", RandomHashes.random(new Random(2)));
        Image mirrored = image.mirrored("mirrored photo");
        assertThat(mirrored.pdq().distance(image.pdq())).as("the mirrored hash itself is far").isGreaterThan(31);
        harness.detections.pipeInput("a", Messages.image("a", "1", "s", T, image, 0.1));
        harness.detections.pipeInput("b", Messages.image("b", "2", "s", T, mirrored, 0.1));
        harness.detections.pipeInput("c", Messages.image("c", "3", "s", T, Image.of("other", RandomHashes.random(new Random(3))), 0.1));

        List<RiskAssessment> out = harness.assessments.readValuesToList();
        String cluster = out.get(0).getNetwork().getClusters().get(0).getClusterId();
        assertThat(out.get(1).getNetwork().getClusters().get(0).getClusterId()).isEqualTo(cluster);
        assertThat(out.get(2).getNetwork().getClusters().get(0).getClusterId()).isNotEqualTo(cluster);
        assertThat(cluster).matches("mc[0-9a-f]{16}");
    }

    @Test
    void aHarmlessImageThatSpreadsDoesNotBecomeARiskByItsSpread() {
        Image meme = Image.of("meme", RandomHashes.random(new Random(4)));
        for (int chat = 0; chat < 12; chat++) {
            harness.groups.pipeInput("g" + chat, Messages.group("g" + chat, 40_000).build());
            harness.detections.pipeInput("g" + chat, Messages.image("g" + chat, "m", "s" + chat, T.plusSeconds(chat), meme, 0.05));
        }

        List<RiskAssessment> out = harness.assessments.readValuesToList();
        RiskAssessment last = out.get(out.size() - 1);
        assertThat(last.getNetwork().getClusters().get(0).getChats()).isEqualTo(12);
        assertThat(last.getNetwork().getClusters().get(0).getReach()).isEqualTo(480_000);
        assertThat(out).allSatisfy(a -> {
            assertThat(a.getScore()).isZero();
            assertThat(a.getLevel()).isEqualTo(RiskLevel.NONE);
            assertThat(a.getNetwork().getVictimCase()).isNull();
        });
    }

    @Test
    void aHarmfulImageScoresHigherAsItSpreadsIntoNewChatsAndReachesMore() {
        Image image = Image.of("leak", RandomHashes.random(new Random(5)));
        Hash256 resized = RandomHashes.near(image.pdq(), 6, new Random(6));
        harness.groups.pipeInput("a", Messages.group("a", 300).build());
        harness.groups.pipeInput("b", Messages.group("b", 15_000).build());
        harness.detections.pipeInput("a", Messages.image("a", "1", "s", T, image, 0.9));
        harness.detections.pipeInput("b", Messages.image("b", "2", "t", T.plus(Duration.ofDays(2)),
                new Image(Messages.sha256("resized"), resized, List.of(), 80), 0.9));

        List<RiskAssessment> out = harness.assessments.readValuesToList();
        assertThat(out.get(0).getScore()).isEqualTo(0.6);
        assertThat(out.get(1).getReasons()).extracting(RiskReason::getCode).containsExactly("explicit_image", "large_group",
                "spread_to_new_chat", "wide_reach", "victim_case");
        assertThat(out.get(1).getReasons()).extracting(RiskReason::getDescription).contains(
                "The image spread into this chat: 2 chats and 15,300 members reached since 2026-03-01",
                "The image has reached 15,300 members in 2 chats");
        assertThat(out.get(1).getScore()).isGreaterThan(0.6 + 0.05);
    }
}
