package io.vigil.benchmarks.enricher;

import io.vigil.enricher.policy.TodaysScorer;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupContext;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskReason;
import io.vigil.schemas.serde.AvroSerde;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;

/**
 * The stateless enricher as it was before the network memory: decode the detection, look its group up in the
 * group table, score it with the scorer of that time, encode the assessment. The baseline of the same run.
 */
final class TodaysEnricher {

    private static final AvroSerde<Detection> DETECTIONS = AvroSerde.of(Detection.class);
    private static final AvroSerde<RiskAssessment> ASSESSMENTS = AvroSerde.of(RiskAssessment.class);

    private final KeyValueStore<String, GroupMetadata> groups;
    private final Clock clock = Clock.systemUTC();

    TodaysEnricher(KeyValueStore<String, GroupMetadata> groups) {
        this.groups = groups;
    }

    int process(String chatId, byte[] bytes) {
        Detection detection = DETECTIONS.deserialize("detections", bytes);
        Optional<GroupMetadata> group = Optional.ofNullable(groups.get(chatId));
        TodaysScorer.Score score = TodaysScorer.score(detection, group);
        RiskAssessment assessment = RiskAssessment.newBuilder().setPlatform(detection.getPlatform()).setChatId(detection.getChatId())
                .setMessageId(detection.getMessageId()).setSenderId(detection.getSenderId()).setSentAt(detection.getSentAt())
                .setAssessedAt(clock.instant()).setScore(score.value()).setLevel(score.level())
                .setCategories(new ArrayList<>(score.categories()))
                .setReasons(score.terms().stream().map(t -> new RiskReason(t.code(), t.description(), t.contribution())).toList())
                .setGroup(group.map(g -> GroupContext.newBuilder().setKind(g.getKind()).setVisibility(g.getVisibility())
                        .setMemberCount(g.getMemberCount()).setTitle(g.getTitle()).setStrikeCount(g.getStrikeCount()).build()).orElse(null))
                .setDetection(detection).build();
        return ASSESSMENTS.serialize("risk-assessments", assessment).length;
    }
}
