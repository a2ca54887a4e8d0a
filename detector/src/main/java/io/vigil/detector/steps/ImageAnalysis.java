package io.vigil.detector.steps;

import io.vigil.detector.DetectorMetrics;
import io.vigil.detector.analysis.LimitApplied;
import io.vigil.detector.analysis.MediaAnalysis;
import io.vigil.detector.analysis.MediaFailure;
import io.vigil.detector.analysis.MessageAnalysis;
import io.vigil.detector.media.DecodeError;
import io.vigil.detector.media.DecodeRequest;
import io.vigil.detector.media.DecodedImage;
import io.vigil.detector.media.ImageDecodeException;
import io.vigil.detector.media.ImageDecoder;
import io.vigil.detector.nudity.NudityClassifier;
import io.vigil.detector.ocr.OcrOutcome;
import io.vigil.detector.ocr.ReadText;
import io.vigil.detector.ocr.TextInImages;
import io.vigil.detector.pdq.PdqHasher;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The unit of media work for one message, in the detector's media stage: each image is decoded once, hashed
 * perceptually (PDQ), scored when a classifier is configured, and its text read when OCR is configured (in the
 * languages of the group's hints; images without likely text are skipped cheaply, and the reader holds each image
 * to a time limit, and the message's images together to the OCR time of one message), then its pixels are let go before the next item (an album of ten 12-megapixel photos must not
 * hold ten decoded images at once). The message's images together may have at most the configured pixels decoded:
 * images beyond that budget keep their exact hashes, are marked, and the Detection records the limit. Videos and
 * voice are not analysed beyond their exact hashes, and the Detection says so.
 */
public final class ImageAnalysis {

    private static final Set<MediaKind> IMAGE_KINDS = Set.of(MediaKind.PHOTO, MediaKind.STICKER, MediaKind.ANIMATION, MediaKind.DOCUMENT);

    /**
     * Less OCR time than this left of the message's share is not worth starting: Tesseract's layout analysis alone
     * takes tens of milliseconds on a screenshot (docs/benchmarks.md, OCR), so such a read would end with nothing.
     */
    public static final Duration SMALLEST_USEFUL_READ = Duration.ofMillis(100);

    private final ImageDecoder decoder;
    private final PdqHasher hasher;
    private final Optional<NudityClassifier> classifier;
    private final DecodeRequest request;
    private final long messagePixels;
    private final DetectorMetrics metrics;
    private final TextInImages ocr;

    public ImageAnalysis(ImageDecoder decoder, PdqHasher hasher, Optional<NudityClassifier> classifier, long messagePixels,
                         DetectorMetrics metrics) {
        this(decoder, hasher, classifier, messagePixels, metrics, TextInImages.none());
    }

    /**
     * @param messagePixels pixels decoded per message over all its images
     * @param ocr           how text in images is read, if at all
     */
    public ImageAnalysis(ImageDecoder decoder, PdqHasher hasher, Optional<NudityClassifier> classifier, long messagePixels,
                         DetectorMetrics metrics, TextInImages ocr) {
        this.decoder = decoder;
        this.hasher = hasher;
        this.classifier = classifier;
        this.messagePixels = messagePixels;
        this.metrics = metrics;
        this.ocr = ocr;
        // The classifier needs colour; PDQ alone needs only luminance, which JPEG decodes two to three times faster.
        this.request = classifier.isPresent() ? PdqHasher.FAST_DECODE.and(NudityClassifier.DECODE_REQUEST) : PdqHasher.FAST_DECODE;
    }

    public MessageAnalysis analyse(MessageAnalysis message) {
        List<String> ocrLanguages = ocr.reader().isPresent()
                ? ocr.languages().forHints(message.languageHint(), message.countryHint(), ocr.maxLanguages()) : List.of();
        OcrTime ocrTime = new OcrTime(ocr.perMessage());
        long budget = messagePixels;
        int overBudget = 0;
        List<MediaAnalysis> analysed = new ArrayList<>(message.media().size());
        for (MediaAnalysis media : message.media()) {
            Analysed result = analyse(media, budget, ocrLanguages, ocrTime);
            budget -= result.pixels();
            if (result.overBudget()) {
                overBudget++;
            }
            analysed.add(result.media());
        }
        MessageAnalysis done = message.withMedia(analysed);
        if (overBudget > 0) {
            metrics.limitApplied("message_pixel_budget");
            done = done.withLimit(new LimitApplied("message_pixel_budget", overBudget + " of " + message.media().size()
                    + " media items not decoded: the message's images exceed " + messagePixels + " pixels"));
        }
        if (ocrTime.unread > 0) {
            metrics.limitApplied("message_ocr_time");
            done = done.withLimit(new LimitApplied("message_ocr_time", ocrTime.unread + " of " + message.media().size()
                    + " media items not read by OCR: the message's OCR time of " + ocr.perMessage().toMillis() + " ms was spent"));
        }
        return done;
    }

    /** What is left of one message's OCR time, and how many of its images went unread for want of it. */
    private static final class OcrTime {
        private Duration left;
        private int unread;

        OcrTime(Duration perMessage) {
            this.left = perMessage;
        }
    }

    /** One item's analysis, the pixels it decoded, and whether it was left undecoded for the message's budget. */
    private record Analysed(MediaAnalysis media, long pixels, boolean overBudget) {
    }

    private Analysed analyse(MediaAnalysis media, long budget, List<String> ocrLanguages, OcrTime ocrTime) {
        if (media.bytes().isEmpty()) {
            return new Analysed(media, 0, false);
        }
        Optional<String> notAnImage = notAnImage(media.item());
        if (notAnImage.isPresent()) {
            return new Analysed(media.withoutBytes().withSkipped(new MediaFailure("image_analysis", notAnImage.get())), 0, false);
        }
        DecodedImage decoded;
        try {
            decoded = decoder.decode(media.bytes().get(), request, Math.max(budget, 0));
        } catch (ImageDecodeException e) {
            if (e.error() == DecodeError.IMAGE_OVER_MESSAGE_BUDGET) {
                return new Analysed(media.withoutBytes().withSkipped(new MediaFailure(e.code(), e.getMessage())), 0, true);
            }
            metrics.mediaFailure(e.code());
            return new Analysed(media.withoutBytes().withFailure(new MediaFailure(e.code(), e.getMessage())), 0, false);
        }
        long pixels = (long) decoded.sourceWidth() * decoded.sourceHeight();
        MediaAnalysis analysed = media.withoutBytes().withPdq(hasher.hashAllDihedrals(decoded.image()));
        if (decoded.animated()) {
            analysed = analysed.withSkipped(new MediaFailure("later_frames", "animated image: only the first frame was analysed"));
        }
        analysed = readText(analysed, decoded, ocrLanguages, ocrTime);
        if (classifier.isEmpty()) {
            return new Analysed(analysed.withSkipped(new MediaFailure("nudity", "no nudity classifier configured")), pixels, false);
        }
        try {
            return new Analysed(analysed.withNudity(classifier.get().classify(decoded)), pixels, false);
        } catch (RuntimeException e) {
            metrics.mediaFailure("classifier_failed");
            return new Analysed(analysed.withFailure(new MediaFailure("classifier_failed", "nudity classifier failed: "
                    + e.getClass().getSimpleName())), pixels, false);
        }
    }

    /** OCR of the image as displayed (EXIF orientation applied), so that boxes are where a moderator sees the text. */
    private MediaAnalysis readText(MediaAnalysis media, DecodedImage decoded, List<String> currentLanguages, OcrTime ocrTime) {
        if (ocr.reader().isEmpty()) {
            return media;
        }
        if (currentLanguages.isEmpty()) {
            return media.withSkipped(new MediaFailure("ocr", "no OCR language installed for this group's hints"));
        }
        if (ocrTime.left.compareTo(SMALLEST_USEFUL_READ) < 0) {
            ocrTime.unread++;
            return media.withSkipped(new MediaFailure("ocr", "ocr_message_time: the message's OCR time was spent on its earlier images"));
        }
        OcrOutcome outcome;
        long started = System.nanoTime();
        try {
            outcome = ocr.reader().get().read(decoded.orientation().applyTo(decoded.image()), currentLanguages, ocrTime.left);
        } catch (RuntimeException e) {
            metrics.mediaFailure("ocr_failed");
            return media.withFailure(new MediaFailure("ocr_failed", "OCR failed: " + e.getClass().getSimpleName()));
        } finally {
            ocrTime.left = ocrTime.left.minusNanos(System.nanoTime() - started);
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
