package io.vigil.detector.steps;

import io.vigil.detector.DetectorMetrics;
import io.vigil.detector.analysis.MediaAnalysis;
import io.vigil.detector.analysis.MediaFailure;
import io.vigil.detector.analysis.MessageAnalysis;
import io.vigil.detector.media.DecodeRequest;
import io.vigil.detector.media.DecodedImage;
import io.vigil.detector.media.ImageDecodeException;
import io.vigil.detector.media.ImageDecoder;
import io.vigil.detector.nudity.NudityClassifier;
import io.vigil.detector.ocr.ImageTextReader;
import io.vigil.detector.ocr.OcrLanguages;
import io.vigil.detector.ocr.OcrOutcome;
import io.vigil.detector.ocr.ReadText;
import io.vigil.detector.pdq.PdqHasher;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes each image once, computes its PDQ hashes and, when a classifier is configured, its nudity scores, and when
 * OCR is configured reads the text in it (in the languages of the group's hints; images without likely text are
 * skipped cheaply), then lets the pixels go before the next item: an album of ten 12-megapixel photos must not hold
 * ten decoded images at once. Videos and voice are not analysed beyond their exact hashes, and the Detection says so.
 */
public final class ImageAnalysis {

    private static final Set<MediaKind> IMAGE_KINDS = Set.of(MediaKind.PHOTO, MediaKind.STICKER, MediaKind.ANIMATION, MediaKind.DOCUMENT);

    private final ImageDecoder decoder;
    private final PdqHasher hasher;
    private final Optional<NudityClassifier> classifier;
    private final DecodeRequest request;
    private final DetectorMetrics metrics;
    private final Optional<ImageTextReader> ocr;
    private final OcrLanguages languages;
    private final int maxLanguages;

    public ImageAnalysis(ImageDecoder decoder, PdqHasher hasher, Optional<NudityClassifier> classifier, DetectorMetrics metrics) {
        this(decoder, hasher, classifier, metrics, Optional.empty(), null, 0);
    }

    /**
     * @param ocr          reads the text in images; empty: no OCR
     * @param languages    which OCR languages a group's hints call for
     * @param maxLanguages at most this many OCR languages per image (each one costs time)
     */
    public ImageAnalysis(ImageDecoder decoder, PdqHasher hasher, Optional<NudityClassifier> classifier, DetectorMetrics metrics,
                         Optional<ImageTextReader> ocr, OcrLanguages languages, int maxLanguages) {
        this.decoder = decoder;
        this.hasher = hasher;
        this.classifier = classifier;
        this.metrics = metrics;
        this.ocr = ocr;
        this.languages = languages;
        this.maxLanguages = maxLanguages;
        // The classifier needs colour; PDQ alone needs only luminance, which JPEG decodes two to three times faster.
        this.request = classifier.isPresent() ? PdqHasher.FAST_DECODE.and(NudityClassifier.DECODE_REQUEST) : PdqHasher.FAST_DECODE;
    }

    public MessageAnalysis analyse(MessageAnalysis message) {
        List<String> ocrLanguages = ocr.isPresent()
                ? languages.forHints(message.languageHint(), message.countryHint(), maxLanguages) : List.of();
        return message.mapMedia(media -> analyse(media, ocrLanguages));
    }

    private MediaAnalysis analyse(MediaAnalysis media, List<String> ocrLanguages) {
        if (media.bytes().isEmpty()) {
            return media;
        }
        Optional<String> notAnImage = notAnImage(media.item());
        if (notAnImage.isPresent()) {
            return media.withoutBytes().withSkipped(new MediaFailure("image_analysis", notAnImage.get()));
        }
        DecodedImage decoded;
        try {
            decoded = decoder.decode(media.bytes().get(), request);
        } catch (ImageDecodeException e) {
            metrics.mediaFailure(e.code());
            return media.withoutBytes().withFailure(new MediaFailure(e.code(), e.getMessage()));
        }
        MediaAnalysis analysed = media.withoutBytes().withPdq(hasher.hashAllDihedrals(decoded.image()));
        if (decoded.animated()) {
            analysed = analysed.withSkipped(new MediaFailure("later_frames", "animated image: only the first frame was analysed"));
        }
        analysed = readText(analysed, decoded, ocrLanguages);
        if (classifier.isEmpty()) {
            return analysed.withSkipped(new MediaFailure("nudity", "no nudity classifier configured"));
        }
        try {
            return analysed.withNudity(classifier.get().classify(decoded));
        } catch (RuntimeException e) {
            metrics.mediaFailure("classifier_failed");
            return analysed.withFailure(new MediaFailure("classifier_failed", "nudity classifier failed: " + e.getClass().getSimpleName()));
        }
    }

    /** OCR of the image as displayed (EXIF orientation applied), so that boxes are where a moderator sees the text. */
    private MediaAnalysis readText(MediaAnalysis media, DecodedImage decoded, List<String> currentLanguages) {
        if (ocr.isEmpty()) {
            return media;
        }
        if (currentLanguages.isEmpty()) {
            return media.withSkipped(new MediaFailure("ocr", "no OCR language installed for this group's hints"));
        }
        OcrOutcome outcome;
        try {
            outcome = ocr.get().read(decoded.orientation().applyTo(decoded.image()), currentLanguages);
        } catch (RuntimeException e) {
            metrics.mediaFailure("ocr_failed");
            return media.withFailure(new MediaFailure("ocr_failed", "OCR failed: " + e.getClass().getSimpleName()));
        }
        if (outcome instanceof OcrOutcome.Read read) {
            return media.withReadText(decoded.subsampling() == 1 ? read.text() : scaled(read.text(), decoded.subsampling()));
        }
        if (outcome instanceof OcrOutcome.Skipped skipped) {
            return media.withSkipped(new MediaFailure("ocr", skipped.code() + ": " + skipped.reason()));
        }
        OcrOutcome.Failed failed = (OcrOutcome.Failed) outcome;
        metrics.mediaFailure(failed.code());
        return media.withFailure(new MediaFailure(failed.code(), failed.reason()));
    }

    private static ReadText scaled(ReadText text, int factor) {
        return new ReadText(text.text(), text.words().stream()
                .map(w -> new ReadText.Word(w.start(), w.end(), w.box().scaled(factor), w.confidence())).toList());
    }

    /** Why an item is no image this step can analyse, if it is not one. */
    private static Optional<String> notAnImage(MediaItem item) {
        String mime = item.getMime();
        if (!IMAGE_KINDS.contains(item.getKind())) {
            return Optional.of(item.getKind().name().toLowerCase(java.util.Locale.ROOT) + " is not analysed beyond its exact hashes");
        }
        if (mime != null && !mime.startsWith("image/")) {
            // Telegram delivers most "animations" as MP4 and documents as anything; only images are decoded.
            return Optional.of(mime + " is not an image; only its exact hashes are matched");
        }
        return Optional.empty();
    }
}
