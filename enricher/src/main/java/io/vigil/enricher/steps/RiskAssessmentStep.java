package io.vigil.enricher.steps;

import io.vigil.enricher.EnricherMetrics;
import io.vigil.enricher.evidence.EvidenceExtraction;
import io.vigil.enricher.policy.Evaluation;
import io.vigil.enricher.policy.GroupFacts;
import io.vigil.enricher.policy.MessageFacts;
import io.vigil.enricher.policy.NetworkView;
import io.vigil.enricher.policy.PolicyEvaluator;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupContext;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.NetworkContext;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskReason;
import io.vigil.schemas.RuleHit;
import io.vigil.schemas.network.NetworkFacts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scores a released detection with the policy, in its group's context and with the network's memory, and writes
 * the RiskAssessment contract: score, level, reasons, the network context and every rule that fired.
 */
public final class RiskAssessmentStep {

    private final PolicyEvaluator policy;
    private final EnricherMetrics metrics;
    private final Clock clock;

    public RiskAssessmentStep(PolicyEvaluator policy, EnricherMetrics metrics, Clock clock) {
        this.policy = policy;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The facts of a detection before the network memory is asked: what evidence rules read. */
    public static MessageFacts facts(Detection detection, Optional<GroupMetadata> group) {
        return new MessageFacts(EvidenceExtraction.findings(detection), group.map(GroupFacts::of),
                detection.getForwardedFromChatId() != null, Optional.ofNullable(detection.getText()), NetworkView.NOT_ASKED);
    }

    public RiskAssessment assess(ReleasedMessage released) {
        Detection detection = released.detection();
        NetworkView view = new NetworkView(released.facts().map(NetworkFacts::getClusters).orElse(List.of()),
                released.facts().map(f -> Optional.ofNullable(f.getVictimCase())).orElse(Optional.empty()), released.lineage(),
                released.ownStrikes(), released.inheritedStrikes(), released.unavailable());
        Evaluation evaluation = policy.evaluate(facts(detection, released.group()).withNetwork(view));
        evaluation.hits().forEach(hit -> metrics.ruleHit(hit.rule(), hit.shadow()));
        NetworkContext network = NetworkContext.newBuilder()
                .setClusters(view.clusters())
                .setVictimCase(view.victimCase().orElse(null))
                .setLineage(view.lineage().orElse(null))
                .setVigilStrikes(view.vigilStrikes())
                .setOwnStrikes(view.ownStrikes())
                .setRuleHits(evaluation.hits().stream().map(h -> RuleHit.newBuilder().setRule(h.rule()).setShadow(h.shadow())
                        .setOutcome(h.outcome()).setContribution(h.contribution()).setQueue(h.queue().orElse(null)).build()).toList())
                .setUnavailable(view.unavailable().orElse(null))
                .build();
        return RiskAssessment.newBuilder()
                .setPlatform(detection.getPlatform())
                .setChatId(detection.getChatId())
                .setMessageId(detection.getMessageId())
                .setSenderId(detection.getSenderId())
                .setSentAt(detection.getSentAt())
                .setAssessedAt(clock.instant())
                .setScore(evaluation.score())
                .setLevel(evaluation.level())
                .setCategories(new ArrayList<>(evaluation.categories()))
                .setReasons(evaluation.terms().stream().map(t -> new RiskReason(t.code(), t.description(), t.contribution())).toList())
                .setGroup(released.group().map(RiskAssessmentStep::context).orElse(null))
                .setNetwork(network)
                .setPolicyVersion(policy.policy().label())
                .setQueueHint(evaluation.queueHint().orElse(null))
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
