package io.vigil.detector.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.detector.analysis.ImageTextScan;
import io.vigil.detector.analysis.LimitApplied;
import io.vigil.detector.analysis.MessageAnalysis;
import io.vigil.detector.doxxing.DetectedEntity;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.detector.doxxing.PriorCues;
import io.vigil.detector.doxxing.TextScan;
import io.vigil.detector.ocr.ReadText;
import io.vigil.detector.ocr.TextBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scans the message text (or caption) for personal data and decides whether it exposes a third person; then scans the
 * text read from each of its images the same way, knowing what the caption pointed at ("her number 👇" above a
 * screenshot of it), and locates each entity found there in its image.
 *
 * <p>What one message can cost is bounded: only the first {@code maxChars} characters of each text (the caption and
 * each image's read text) are scanned, and at most {@code maxEntities} entities of each are carried on (the exposure
 * score is computed from all that were found); either bound, when reached, is recorded on the message.
 */
public final class TextScanning {

    private final DoxxingDetector doxxing;
    private final int maxChars;
    private final int maxEntities;
    private final MeterRegistry registry;

    public TextScanning(DoxxingDetector doxxing, int maxChars, int maxEntities, MeterRegistry registry) {
        this.doxxing = doxxing;
        this.maxChars = maxChars;
        this.maxEntities = maxEntities;
        this.registry = registry;
    }

    /** Whether a message with these cues changes how its sender's next message is scanned (worth remembering). */
    public boolean changesTheNextScan(PriorCues cues) {
        return doxxing.changesTheNextScan(cues);
    }

    public MessageAnalysis scan(MessageAnalysis message) {
        String text = message.event().getText();
        MessageAnalysis scanned = message;
        PriorCues caption = message.prior();
        if (text != null && !text.isBlank()) {
            if (text.length() > maxChars) {
                scanned = limit(scanned, new LimitApplied("text_truncated", "scanned the first " + cut(text).length()
                        + " of " + text.length() + " characters"));
                text = cut(text);
            }
            TextScan scan = doxxing.scan(text, message.countryHint(), message.followsImage(), message.prior());
            count(scan, "text");
            caption = scan.cues();
            if (scan.entities().size() > maxEntities) {
                scanned = limit(scanned, new LimitApplied("entities_trimmed", "kept the first " + maxEntities + " of "
                        + scan.entities().size() + " personal-data entities (the score counts all of them)"));
                scan = firstEntities(scan);
            }
            scanned = scanned.withText(scan);
        }
        List<ImageTextScan> images = new ArrayList<>();
        for (int i = 0; i < message.media().size(); i++) {
            Optional<ReadText> read = message.media().get(i).readText();
            if (read.isEmpty() || read.get().isBlank()) {
                continue;
            }
            String imageText = read.get().text();
            if (imageText.length() > maxChars) {
                scanned = limit(scanned, new LimitApplied("image_text_truncated", "scanned the first "
                        + cut(imageText).length() + " of " + imageText.length() + " characters read from image " + i));
                imageText = cut(imageText);
            }
            // The image is in this very message: it "follows an image" as much as a message after one does.
            TextScan scan = doxxing.scan(imageText, message.countryHint(), true, caption);
            if (scan.entities().isEmpty()) {
                continue;
            }
            count(scan, "image");
            if (scan.entities().size() > maxEntities) {
                scanned = limit(scanned, new LimitApplied("entities_trimmed", "kept the first " + maxEntities + " of "
                        + scan.entities().size() + " personal-data entities read from image " + i));
                scan = firstEntities(scan);
            }
            ReadText where = read.get();
            images.add(new ImageTextScan(i, scan, scan.entities().stream()
                    .map(e -> where.boxOf(e.start(), e.end()).orElse(new TextBox(0, 0, 0, 0))).toList()));
        }
        if (scanned.text().map(TextScan::doxxing).orElse(false) || images.stream().anyMatch(s -> s.scan().doxxing())) {
            registry.counter("vigil.detections", "signal", "doxxing", "category", "doxxing").increment();
        }
        return images.isEmpty() ? scanned : scanned.withImageTexts(images);
    }

    /** The first {@code maxChars} characters, never splitting a surrogate pair: the cut text stays valid UTF-16. */
    private String cut(String text) {
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end);
    }

    private TextScan firstEntities(TextScan scan) {
        return new TextScan(scan.entities().subList(0, maxEntities), scan.score(), scan.doxxing(), scan.reasons(), scan.cues());
    }

    private void count(TextScan scan, String source) {
        for (DetectedEntity entity : scan.entities()) {
            registry.counter("vigil.personal.data", "type", entity.type().name().toLowerCase(Locale.ROOT),
                    "source", source).increment();
        }
    }

    private MessageAnalysis limit(MessageAnalysis message, LimitApplied limit) {
        registry.counter("vigil.limits.applied", "limit", limit.code()).increment();
        return message.withLimit(limit);
    }
}
