package io.vigil.enricher.scoring;

import io.vigil.schemas.ChatKind;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.Visibility;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RiskScorerTest {

    static ScoringPolicy policy() {
        Map<ContentCategory, Double> weights = new EnumMap<>(ContentCategory.class);
        for (ContentCategory c : ContentCategory.values()) {
            weights.put(c, 0.4);
        }
        weights.put(ContentCategory.NCII, 0.8);
        weights.put(ContentCategory.CSAM, 1.0);
        return new ScoringPolicy(weights, 1000, 0.05, 0.03, 0.02, 0.06, 0.03, new ScoringPolicy.Nudity(0.8, 0.6, 0.95),
                new ScoringPolicy.Levels(0.2, 0.4, 0.6, 0.85));
    }

    private final RiskScorer scorer = new RiskScorer(policy());

    @Test
    void contextWithoutEvidenceScoresNothing() {
        Score score = scorer.score(List.of(), Optional.of(new GroupFacts(ChatKind.SUPERGROUP, Visibility.PUBLIC, 50_000, 3)), true);

        assertThat(score.value()).isZero();
        assertThat(score.level()).isEqualTo(RiskLevel.NONE);
    }

    @Test
    void theMostSevereEvidenceSetsTheBaseAndContextRaisesItWithAReasonEach() {
        Score score = scorer.score(List.of(
                        new Evidence("bank_match", ContentCategory.OTHER, "item 1 matches x"),
                        new Evidence("bank_match", ContentCategory.NCII, "item 2 matches stopncii")),
                Optional.of(new GroupFacts(ChatKind.SUPERGROUP, Visibility.PUBLIC, 48_200, 5)), true);

        assertThat(score.value()).isCloseTo(0.8 + 0.05 + 0.03 + 0.06 + 0.03, within(1e-9));
        assertThat(score.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(score.categories()).containsExactlyInAnyOrder(ContentCategory.OTHER, ContentCategory.NCII);
        assertThat(score.terms()).extracting(Score.Term::code)
                .containsExactly("bank_match", "bank_match", "large_group", "public_group", "repeat_offender_group", "forwarded");
        assertThat(score.terms().get(2).description()).isEqualTo("Posted to 48,200 members");
        assertThat(score.terms().stream().mapToDouble(Score.Term::contribution).sum()).isCloseTo(score.value(), within(1e-9));
    }

    @Test
    void theScoreNeverExceedsOne() {
        Score score = scorer.score(List.of(new Evidence("bank_match", ContentCategory.CSAM, "csam")),
                Optional.of(new GroupFacts(ChatKind.CHANNEL, Visibility.PUBLIC, 1_000_000, 10)), true);

        assertThat(score.value()).isEqualTo(1.0);
        assertThat(score.terms().stream().mapToDouble(Score.Term::contribution).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void anUnknownGroupIsSaidAndAddsNothing() {
        Score score = scorer.score(List.of(new Evidence("bank_match", ContentCategory.NCII, "ncii")), Optional.empty(), false);

        assertThat(score.value()).isEqualTo(0.8);
        assertThat(score.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(score.terms()).extracting(Score.Term::code).contains("group_unknown");
    }

    @Test
    void evidenceWithItsOwnWeightOverridesItsCategorysWeight() {
        Score score = scorer.score(List.of(new Evidence("explicit_image", ContentCategory.NCII, "explicit", 0.6)), Optional.empty(), false);

        assertThat(score.value()).isEqualTo(0.6);
        assertThat(score.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void levelsFollowThePolicysBounds() {
        assertThat(scorer.score(List.of(new Evidence("e", ContentCategory.OTHER, "")), Optional.empty(), false).level())
                .isEqualTo(RiskLevel.MEDIUM);
    }
}
