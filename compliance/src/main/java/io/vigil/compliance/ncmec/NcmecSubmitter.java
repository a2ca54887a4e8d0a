package io.vigil.compliance.ncmec;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.compliance.ComplianceConfig;
import io.vigil.compliance.delivery.DeliveryClients;
import io.vigil.compliance.delivery.DeliveryLoop;
import io.vigil.compliance.delivery.OutboundDeadLetters;
import io.vigil.runtime.blobs.BlobStore;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.schemas.topics.Topics;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** Submits confirmed CyberTipline reports to NCMEC, one step of one report at a time, with the preserved media. */
public final class NcmecSubmitter {

    public static final String DELIVERY = "ncmec";

    private NcmecSubmitter() {
    }

    public static DeliveryLoop start(KafkaSettings kafka, NcmecSettings settings, ComplianceConfig.Media media,
                                     CyberTiplineValidator validator, MeterRegistry registry) {
        Clock clock = Clock.systemUTC();
        NcmecClient client = new NcmecClient(settings.endpoint(), settings.username(), settings.password(),
                Duration.ofSeconds(settings.requestTimeoutSeconds()));
        BlobStore blobs = new BlobStore(Path.of(media.blobRoot()), media.maxBlobBytes());
        CyberTiplineSubmission submission = new CyberTiplineSubmission(client, file -> blobs.fetch(null, file.getBlobUri()), validator, clock);
        String group = kafka.applicationId() + "-" + DELIVERY;
        return new DeliveryLoop(DELIVERY, Topics.NCMEC_REPORTS.name(),
                () -> DeliveryClients.consumer(kafka, group, 1),
                () -> DeliveryClients.transactionalProducer(kafka, group + "-" + UUID.randomUUID()),
                new NcmecDelivery(submission, new OutboundDeadLetters(kafka.applicationId(), registry), registry, clock),
                1, Duration.ZERO, Duration.ofSeconds(settings.maxBackoffSeconds()), registry, clock).start();
    }
}
