package io.vigil.detector;

import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.HttpSettings;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.config.ServiceConfig;
import io.vigil.runtime.config.Validatable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The detector's configuration; defaults in detector.yaml. */
public record DetectorConfig(KafkaSettings kafka, HttpSettings http, Media media, Pdq pdq, Nudity nudity, Banks banks,
                             Doxxing doxxing, Ocr ocr, Limits limits) implements ServiceConfig {

    /**
     * What one message may cost the detector, so that no message, however hostile, holds its partition: a bound that
     * is reached is applied and recorded in the Detection ({@code limits}), never silent.
     *
     * @param textChars      characters of a message's text that are scanned for personal data: Telegram allows 4,096
     *                       in a message and 1,024 (4,096 with Premium) in a caption, so four times that is generous,
     *                       and scanning stays linear and bounded (a 250 KB text of 10,000 numbers took minutes)
     * @param entities       personal-data entities a Detection carries: enough to show any real message's, while a
     *                       message of thousands of numbers cannot inflate the record (each entity is ~150 bytes)
     * @param messagePixels  pixels decoded per message over all its images (each image is also held to
     *                       media.max-pixels): five 49-megapixel PNGs must not hold a media thread for seconds
     * @param detectionBytes largest encoded Detection: the risk assessment and queue items embed it, so it stays well
     *                       under kafka.max-record-bytes; a larger one is trimmed and says so
     */
    public record Limits(int textChars, int entities, long messagePixels, int detectionBytes) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().require(textChars >= 1024, "text-chars", "must be at least 1024 (got " + textChars + ")")
                    .positive(entities, "entities").positive(messagePixels, "message-pixels")
                    .require(detectionBytes >= 16 * 1024, "detection-bytes", "must be at least 16384 (got " + detectionBytes + ")")
                    .problems();
        }
    }

    /**
     * @param blobRoot           directory that {@code file:} blob URIs are resolved under; nothing outside it is read
     * @param maxBlobBytes       larger media are not fetched (the item carries blob_too_large)
     * @param maxMediaPerMessage Telegram albums carry up to 10 items; anything far above is malformed
     * @param maxPixels          images declaring more pixels in their header are refused before decoding
     *                           (decompression bombs); the item carries image_too_large
     * @param threadNice         the Linux nice of the media stage's threads (0: as the process; up to 19): images get
     *                           the CPU that text, the other services and the broker leave (docs/operations.md)
     */
    public record Media(String blobRoot, long maxBlobBytes, int maxMediaPerMessage, long maxPixels, int threadNice)
            implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().notBlank(blobRoot, "blob-root").positive(maxBlobBytes, "max-blob-bytes")
                    .positive(maxMediaPerMessage, "max-media-per-message").positive(maxPixels, "max-pixels")
                    .require(threadNice >= 0 && threadNice <= 19, "thread-nice", "must be 0-19 (got " + threadNice + ")").problems();
        }
    }

    /**
     * @param maxDistance    Hamming distance up to which a PDQ hash matches a bank entry (31 is ThreatExchange's
     *                       published recommendation for PDQ)
     * @param matchDihedrals also match the 7 rotated and mirrored variants, to catch rotated or mirrored re-uploads
     * @param qualityFloor   images whose PDQ quality is below this are not matched perceptually (their hashes are
     *                       unreliable: flat or nearly flat images)
     */
    public record Pdq(int maxDistance, boolean matchDihedrals, int qualityFloor) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().require(maxDistance >= 0 && maxDistance <= 128, "max-distance", "must be 0-128")
                    .require(qualityFloor >= 0 && qualityFloor <= 100, "quality-floor", "must be 0-100").problems();
        }
    }

    /**
     * @param enabled         classify images for nudity
     * @param model           a model descriptor YAML (a platform's own classifier); empty: the bundled NSFWJS model
     * @param intraOpThreads  ONNX Runtime threads per inference
     * @param provider        cpu or cuda (falls back to cpu, and says so, where CUDA is not available)
     */
    public record Nudity(boolean enabled, String model, int intraOpThreads, String provider) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().positive(intraOpThreads, "intra-op-threads")
                    .require("cpu".equals(provider) || "cuda".equals(provider), "provider", "must be cpu or cuda")
                    .require(model == null || model.isBlank() || Files.isRegularFile(Path.of(model)), "model", "no such file: " + model)
                    .problems();
        }
    }

    /**
     * @param floodWindowSeconds window in which an entry's matches are counted
     * @param floodMinMatches    an entry floods only from this many matches in a window...
     * @param floodFactor        ...and this many times its usual matches per window
     */
    public record Banks(int floodWindowSeconds, int floodMinMatches, double floodFactor) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().positive(floodWindowSeconds, "flood-window-seconds").positive(floodMinMatches, "flood-min-matches")
                    .require(floodFactor >= 1, "flood-factor", "must be at least 1").problems();
        }
    }

    /**
     * @param hmacSecret the deployment's secret for the keyed hashes of personal data (at least 16 bytes); the same
     *                   secret on every instance, so that the same phone number hashes alike everywhere
     * @param policyFile optional YAML in the format of the bundled doxxing/detector.yaml (threshold, weights, image
     *                   window, extra cue files); empty keeps the bundled policy
     */
    public record Doxxing(String hmacSecret, String policyFile) implements Validatable {

        public static final int MIN_SECRET_BYTES = 16;

        @Override
        public List<String> problems() {
            return new Checks()
                    .require(hmacSecret != null && hmacSecret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES,
                            "hmac-secret", "must be set to a secret of at least " + MIN_SECRET_BYTES
                                    + " bytes (VIGIL_DOXXING_HMAC_SECRET), the same on every detector instance")
                    .require(policyFile == null || policyFile.isBlank() || Files.isRegularFile(Path.of(policyFile)),
                            "policy-file", "no such file: " + policyFile)
                    .problems();
        }
    }

    /**
     * OCR of images (Tesseract), so that personal data in screenshots reaches the doxxing detector.
     *
     * @param enabled           read text in images
     * @param tessdata          Tesseract's data directory; empty: TESSDATA_PREFIX or the distribution's directory
     * @param threads           OCR threads shared by every stream thread of the instance
     * @param queue             images that may wait for an OCR thread; beyond it an image is skipped (ocr_busy)
     * @param timeLimitMs       per image: Tesseract stops there, and the image carries ocr_timeout
     * @param maxEdge           images are reduced to this long edge before OCR (bounds the cost of a huge image)
     * @param minTextLikelihood images scoring below this on the text-likelihood gate are not read (photos)
     * @param maxLanguages      at most this many OCR languages per image (each costs time)
     * @param always            Tesseract languages read on every image (besides the group's)
     * @param languages         ISO 639-1 language hint to Tesseract language
     * @param countries         ISO 3166 country hint to Tesseract languages
     */
    public record Ocr(boolean enabled, String tessdata, int threads, int queue, int timeLimitMs, int messageTimeLimitMs, int maxEdge,
                      double minTextLikelihood, int maxLanguages, List<String> always, java.util.Map<String, String> languages,
                      java.util.Map<String, List<String>> countries) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().positive(threads, "threads").positive(queue, "queue").positive(timeLimitMs, "time-limit-ms")
                    .require(messageTimeLimitMs >= timeLimitMs, "message-time-limit-ms", "must be at least time-limit-ms (one image's limit)")
                    .require(maxEdge >= 256, "max-edge", "must be at least 256")
                    .require(minTextLikelihood >= 0 && minTextLikelihood <= 1, "min-text-likelihood", "must be 0-1")
                    .positive(maxLanguages, "max-languages")
                    .require(tessdata == null || tessdata.isBlank() || Files.isDirectory(Path.of(tessdata)), "tessdata",
                            "no such directory: " + tessdata)
                    .problems();
        }
    }

    @Override
    public List<String> problems() {
        return new Checks().nested(kafka, "kafka").nested(http, "http").nested(media, "media").nested(pdq, "pdq")
                .nested(nudity, "nudity").nested(banks, "banks").nested(doxxing, "doxxing").nested(ocr, "ocr").nested(limits, "limits")
                .require(limits == null || kafka == null || limits.detectionBytes() <= kafka.maxRecordBytes() / 2, "limits.detection-bytes",
                        "must be at most half of kafka.max-record-bytes: the records downstream embed the detection")
                .problems();
    }
}
