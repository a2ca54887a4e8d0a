package io.vigil.sink.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.schemas.ExposedData;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.MediaRef;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.TextSignal;
import io.vigil.sink.routing.RoutingPolicy;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns an assessment that a queue accepts into work for a moderator. An assessment below every queue produces
 * no item and is counted ({@code vigil_assessments_unrouted_total{level}}), so nothing leaves the sink unseen.
 */
public final class QueueRouting {

    private final RoutingPolicy policy;
    private final MeterRegistry registry;
    private final Clock clock;

    public QueueRouting(RoutingPolicy policy, MeterRegistry registry, Clock clock) {
        this.policy = policy;
        this.registry = registry;
        this.clock = clock;
    }

    public List<QueueItem> route(RiskAssessment assessment) {
        return policy.route(assessment.getScore(), new HashSet<>(assessment.getCategories()))
                .map(rule -> {
                    registry.counter("vigil.queue.items", "queue", rule.name()).increment();
                    return List.of(item(assessment, rule.name(), rule.priority()));
                })
                .orElseGet(() -> {
                    registry.counter("vigil.assessments.unrouted", "level", assessment.getLevel().name().toLowerCase(Locale.ROOT)).increment();
                    return List.of();
                });
    }

    public static String itemId(RiskAssessment assessment) {
        return assessment.getPlatform() + ":" + assessment.getChatId() + ":" + assessment.getMessageId();
    }

    private QueueItem item(RiskAssessment assessment, String queue, int priority) {
        return QueueItem.newBuilder()
                .setItemId(itemId(assessment))
                .setQueue(queue)
                .setPriority(priority)
                .setScore(assessment.getScore())
                .setLevel(assessment.getLevel())
                .setPlatform(assessment.getPlatform())
                .setChatId(assessment.getChatId())
                .setMessageId(assessment.getMessageId())
                .setSenderId(assessment.getSenderId())
                .setSentAt(assessment.getSentAt())
                .setEnqueuedAt(clock.instant())
                .setCategories(assessment.getCategories())
                .setReasons(assessment.getReasons())
                .setGroup(assessment.getGroup())
                .setMedia(assessment.getDetection().getMedia().stream().map(QueueRouting::mediaRef).toList())
                .setExposedData(exposedData(assessment.getDetection().getText()))
                .setNetwork(assessment.getNetwork())
                .setPolicyVersion(assessment.getPolicyVersion())
                .setMaskedText(maskedText(assessment.getDetection().getText()))
                .build();
    }

    private static List<ExposedData> exposedData(TextSignal text) {
        if (text == null) {
            return List.of();
        }
        // Masked previews only: the keyed hashes link victims across chats inside Vigil and stay there.
        return text.getEntities().stream()
                .map(e -> new ExposedData(e.getType(), e.getMaskedPreview(), e.getMediaIndex(), e.getBox())).toList();
    }

    /** The text as the detector masked it; the raw text never reaches the sink. */
    private static String maskedText(TextSignal text) {
        return text == null ? null : text.getMaskedText();
    }

    /** The media reference, with the hashes a confirming decision carries to the stay-down bank. */
    private static MediaRef mediaRef(MediaSignal signal) {
        return MediaRef.newBuilder()
                .setMediaId(signal.getMediaId())
                .setKind(signal.getKind())
                .setBlobUri(signal.getBlobUri())
                .setMatchedBanks(signal.getMatches().stream().map(HashMatch::getBankId).distinct().toList())
                .setExplicitNudity(signal.getNudity() == null ? null : signal.getNudity().getExplicit())
                .setBlurred(true)
                .setSha256(signal.getSha256())
                .setMd5(signal.getMd5())
                .setPdq(signal.getPdq())
                .setPdqQuality(signal.getPdqQuality())
                .setProvenance(signal.getMatches().stream().map(HashMatch::getProvenance).filter(Objects::nonNull)
                        .filter(p -> !p.isBlank()).distinct().toList())
                .build();
    }
}
