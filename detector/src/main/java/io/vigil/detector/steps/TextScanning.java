package io.vigil.detector.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.detector.analysis.MessageAnalysis;
import io.vigil.detector.doxxing.DetectedEntity;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.detector.doxxing.PriorCues;
import io.vigil.detector.doxxing.TextScan;
import io.vigil.detector.analysis.ImageTextScan;
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
 */
public final class TextScanning {

    private final DoxxingDetector doxxing;
    private final MeterRegistry registry;

    public TextScanning(DoxxingDetector doxxing, MeterRegistry registry) {
        this.doxxing = doxxing;
        this.registry = registry;
    }

    public MessageAnalysis scan(MessageAnalysis message) {
        String text = message.event().getText();
        MessageAnalysis scanned = message;
        PriorCues caption = message.prior();
        if (text != null && !text.isBlank()) {
            TextScan scan = doxxing.scan(text, message.countryHint(), message.followsImage(), message.prior());
            count(scan, "text");
            caption = scan.cues();
            scanned = scanned.withText(scan);
        }
        List<ImageTextScan> images = new ArrayList<>();
        for (int i = 0; i < message.media().size(); i++) {
            Optional<ReadText> read = message.media().get(i).readText();
            if (read.isEmpty() || read.get().isBlank()) {
                continue;
            }
            // The image is in this very message: it "follows an image" as much as a message after one does.
            TextScan scan = doxxing.scan(read.get().text(), message.countryHint(), true, caption);
            if (scan.entities().isEmpty()) {
                continue;
            }
            count(scan, "image");
            ReadText where = read.get();
            images.add(new ImageTextScan(i, scan, scan.entities().stream()
                    .map(e -> where.boxOf(e.start(), e.end()).orElse(new TextBox(0, 0, 0, 0))).toList()));
        }
        if (scanned.text().map(TextScan::doxxing).orElse(false) || images.stream().anyMatch(s -> s.scan().doxxing())) {
            registry.counter("vigil.detections", "signal", "doxxing", "category", "doxxing").increment();
        }
        return images.isEmpty() ? scanned : scanned.withImageTexts(images);
    }

    private void count(TextScan scan, String source) {
        for (DetectedEntity entity : scan.entities()) {
            registry.counter("vigil.personal.data", "type", entity.type().name().toLowerCase(Locale.ROOT),
                    "source", source).increment();
        }
    }
}
