package io.vigil.detector.steps;

import io.vigil.detector.analysis.ChatLinks;
import io.vigil.detector.analysis.ImageTextScan;
import io.vigil.detector.analysis.MediaAnalysis;
import io.vigil.detector.ocr.TextBox;
import io.vigil.schemas.BoundingBox;
import io.vigil.detector.analysis.MessageAnalysis;
import io.vigil.detector.banks.BankMatch;
import io.vigil.detector.doxxing.DetectedEntity;
import io.vigil.detector.doxxing.MaskedText;
import io.vigil.detector.doxxing.TextScan;
import io.vigil.detector.nudity.NudityCategory;
import io.vigil.detector.nudity.NudityScores;
import io.vigil.pdq.Dihedral;
import io.vigil.pdq.PdqHashes;
import io.vigil.schemas.AppliedLimit;
import io.vigil.schemas.Detection;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.MediaError;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.PersonalDataEntity;
import io.vigil.schemas.SkippedStep;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.TextSignal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes what the steps found as the Detection contract: references and findings, never media bytes or clear personal data. */
public final class DetectionAssembly {

    private final Clock clock;

    public DetectionAssembly(Clock clock) {
        this.clock = clock;
    }

    public Detection assemble(MessageAnalysis message) {
        MessageEvent event = message.event();
        return Detection.newBuilder()
                .setPlatform(event.getPlatform())
                .setChatId(event.getChatId())
                .setMessageId(event.getMessageId())
                .setSenderId(event.getSenderId())
                .setSentAt(event.getSentAt())
                .setDetectedAt(clock.instant())
                .setForwardedFromChatId(event.getForwardedFrom() == null ? null : event.getForwardedFrom().getChatId())
                .setLinks(ChatLinks.in(event))
                .setMedia(message.media().stream().map(DetectionAssembly::signal).toList())
                .setText(textSignal(message))
                .setLimits(message.limits().stream().map(l -> new AppliedLimit(l.code(), l.detail())).toList())
                .build();
    }

    private static MediaSignal signal(MediaAnalysis media) {
        return MediaSignal.newBuilder()
                .setMediaId(media.item().getMediaId())
                .setKind(media.item().getKind())
                .setBlobUri(media.item().getBlobUri())
                .setMd5(media.md5().orElse(null))
                .setSha256(media.sha256().orElse(null))
                .setPdq(media.pdq().map(h -> h.original().toHex()).orElse(null))
                .setPdqQuality(media.pdq().map(PdqHashes::quality).orElse(null))
                .setPdqDihedrals(media.pdq().map(DetectionAssembly::turnedAndMirrored).orElse(List.of()))
                .setNudity(media.nudity().map(DetectionAssembly::nudity).orElse(null))
                .setSkipped(media.skipped().stream().map(s -> new SkippedStep(s.code(), s.message())).toList())
                .setMatches(media.bankMatches().matches().stream().map(DetectionAssembly::hashMatch).toList())
                .setErrors(media.failures().stream().map(f -> new MediaError(f.code(), f.message())).toList())
                .build();
    }

    /** The 7 variants beside the original, in the reference's order, for the enricher's near-duplicate clusters. */
    private static List<String> turnedAndMirrored(PdqHashes hashes) {
        return Arrays.stream(Dihedral.values()).filter(v -> v != Dihedral.ORIGINAL).map(v -> hashes.get(v).toHex()).toList();
    }

    private static io.vigil.schemas.NudityScores nudity(NudityScores scores) {
        Map<String, Double> classes = new LinkedHashMap<>();
        scores.classScores().forEach((name, p) -> classes.put(name, p.doubleValue()));
        return io.vigil.schemas.NudityScores.newBuilder()
                .setModel(scores.modelId())
                .setScores(classes)
                .setExplicit(scores.category(NudityCategory.EXPLICIT_NUDITY).orElse(0))
                .setSuggestive(scores.category(NudityCategory.SUGGESTIVE).orElse(0))
                .setDrawn(scores.category(NudityCategory.DRAWN_ANIMATED).orElse(0))
                .setNeutral(scores.category(NudityCategory.NEUTRAL).orElse(0))
                .build();
    }

    /**
     * The text signal of the caption and of the text read in the images together: the message exposes someone if
     * either does, its score is the higher one, and entities read in an image carry its index and their box.
     * Null when the message has neither text nor personal data read in an image.
     */
    private static TextSignal textSignal(MessageAnalysis message) {
        if (message.text().isEmpty() && message.imageTexts().isEmpty()) {
            return null;
        }
        boolean doxxing = false;
        double score = 0.0;
        List<String> reasons = new ArrayList<>();
        List<PersonalDataEntity> entities = new ArrayList<>();
        String maskedText = null;
        if (message.text().isPresent()) {
            TextScan scan = message.text().get();
            maskedText = MaskedText.of(message.event().getText(), scan.entities());
            doxxing = scan.doxxing();
            score = scan.score();
            reasons.addAll(scan.reasons());
            scan.entities().forEach(e -> entities.add(entity(e).build()));
        }
        for (ImageTextScan image : message.imageTexts()) {
            TextScan scan = image.scan();
            doxxing |= scan.doxxing();
            score = Math.max(score, scan.score());
            scan.reasons().forEach(r -> reasons.add("in image " + (image.mediaIndex() + 1) + ": " + r));
            for (int i = 0; i < scan.entities().size(); i++) {
                TextBox box = image.boxes().get(i);
                entities.add(entity(scan.entities().get(i)).setMediaIndex(image.mediaIndex())
                        .setBox(new BoundingBox(box.x(), box.y(), box.width(), box.height())).build());
            }
        }
        return TextSignal.newBuilder()
                .setDoxxing(doxxing)
                .setScore(score)
                .setFollowsImage(message.followsImage())
                .setReasons(reasons)
                .setEntities(entities)
                .setMaskedText(maskedText)
                .build();
    }

    private static PersonalDataEntity.Builder entity(DetectedEntity entity) {
        return PersonalDataEntity.newBuilder()
                .setType(PersonalDataType.valueOf(entity.type().name()))
                .setStart(entity.start())
                .setEnd(entity.end())
                .setConfidence(entity.confidence())
                .setFormat(entity.format())
                .setKeyedHash(entity.keyedHash())
                .setMaskedPreview(entity.maskedPreview());
    }

    private static HashMatch hashMatch(BankMatch match) {
        return HashMatch.newBuilder()
                .setBankId(match.entry().bankId())
                .setEntryId(match.entry().entryId())
                .setCategory(match.entry().category())
                .setSource(match.entry().source())
                .setSignalType(match.entry().signalType())
                .setDistance(match.distance())
                .setProvenance(match.entry().provenance())
                .build();
    }
}
