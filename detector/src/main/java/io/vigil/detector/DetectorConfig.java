package io.vigil.detector;

import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.HttpSettings;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.config.ServiceConfig;
import io.vigil.runtime.config.Validatable;

import java.util.List;

/** The detector's configuration; defaults in detector.yaml. */
public record DetectorConfig(KafkaSettings kafka, HttpSettings http, Media media) implements ServiceConfig {

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

    @Override
    public List<String> problems() {
        return new Checks().nested(kafka, "kafka").nested(http, "http").nested(media, "media").problems();
    }
}
