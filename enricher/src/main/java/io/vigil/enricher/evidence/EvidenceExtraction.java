package io.vigil.enricher.evidence;

import io.vigil.schemas.Detection;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.TextSignal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the detector's findings in a fixed order, so that the reasons read the same way every time: per media item
 * its bank matches, then its classifier scores; then the text. Which of them count, and how much, is the policy's.
 */
public final class EvidenceExtraction {

    private EvidenceExtraction() {
    }

    public static List<Finding> findings(Detection detection) {
        List<Finding> findings = new ArrayList<>();
        List<MediaSignal> media = detection.getMedia();
        TextSignal text = detection.getText();
        boolean exposesSomeone = text != null && text.getDoxxing();
        for (int i = 0; i < media.size(); i++) {
            MediaSignal item = media.get(i);
            for (HashMatch match : item.getMatches()) {
                findings.add(new BankMatchFinding(i + 1, media.size(), match));
            }
            if (item.getNudity() != null) {
                findings.add(new ImageFinding(i + 1, media.size(), item.getNudity(), !item.getMatches().isEmpty(), exposesSomeone));
            }
        }
        if (text != null) {
            findings.add(new TextFinding(text));
        }
        return findings;
    }
}
