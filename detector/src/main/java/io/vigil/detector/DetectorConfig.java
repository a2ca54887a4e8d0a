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
public record DetectorConfig(KafkaSettings kafka, HttpSettings http, Media media, Doxxing doxxing) implements ServiceConfig {

    /**
     * @param blobRoot           directory that {@code file:} blob URIs are resolved under; nothing outside it is read
     * @param maxBlobBytes       larger media are not fetched (the item carries blob_too_large)
     * @param maxMediaPerMessage Telegram albums carry up to 10 items; anything far above is malformed
     */
    public record Media(String blobRoot, long maxBlobBytes, int maxMediaPerMessage) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().notBlank(blobRoot, "blob-root").positive(maxBlobBytes, "max-blob-bytes")
                    .positive(maxMediaPerMessage, "max-media-per-message").problems();
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

    @Override
    public List<String> problems() {
        return new Checks().nested(kafka, "kafka").nested(http, "http").nested(media, "media").nested(doxxing, "doxxing").problems();
    }
}
