package io.vigil.enricher.steps;

import io.vigil.enricher.scoring.GroupFacts;
import io.vigil.enricher.scoring.RiskScorer;
import io.vigil.enricher.scoring.Score;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupContext;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskReason;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;

/** Scores a detection in its group's context and writes the RiskAssessment contract with its reasons. */
public final class RiskAssessmentStep {

    private final EvidenceExtraction evidence;
    private final RiskScorer scorer;
    private final Clock clock;

    public RiskAssessmentStep(EvidenceExtraction evidence, RiskScorer scorer, Clock clock) {
        this.evidence = evidence;
        this.scorer = scorer;
        this.clock = clock;
    }

    public RiskAssessment assess(DetectionInGroup joined) {
        Detection detection = joined.detection();
        Optional<GroupFacts> facts = joined.group().map(g ->
                new GroupFacts(g.getKind(), g.getVisibility(), g.getMemberCount(), g.getStrikeCount()));
        Score score = scorer.score(evidence.evidence(detection), facts, detection.getForwardedFromChatId() != null);
        return RiskAssessment.newBuilder()
                .setPlatform(detection.getPlatform())
                .setChatId(detection.getChatId())
                .setMessageId(detection.getMessageId())
                .setSenderId(detection.getSenderId())
                .setSentAt(detection.getSentAt())
                .setAssessedAt(clock.instant())
                .setScore(score.value())
                .setLevel(score.level())
                .setCategories(new ArrayList<>(score.categories()))
                .setReasons(score.terms().stream().map(t -> new RiskReason(t.code(), t.description(), t.contribution())).toList())
                .setGroup(joined.group().map(RiskAssessmentStep::context).orElse(null))
                .setDetection(detection)
                .build();
    }

    private static GroupContext context(GroupMetadata group) {
        return GroupContext.newBuilder()
                .setKind(group.getKind())
                .setVisibility(group.getVisibility())
                .setMemberCount(group.getMemberCount())
                .setTitle(group.getTitle())
                .setStrikeCount(group.getStrikeCount())
                .build();
    }
}
