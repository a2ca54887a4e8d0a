package io.vigil.compliance.tdb;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.compliance.delivery.DeliveryClients;
import io.vigil.compliance.delivery.DeliveryLoop;
import io.vigil.compliance.delivery.OutboundDeadLetters;
import io.vigil.compliance.delivery.RateLimiter;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.schemas.topics.Topics;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Submits the statements of reasons to the EU Transparency Database as they arrive: in batches of up to the
 * configured size (the API takes 100), under the configured rates (the API allows 200 a second, 12,000 a minute),
 * idempotent by puid, retrying with backoff, and dead-lettering what the database refuses with its reason.
 */
public final class StatementSubmitter {

    public static final String DELIVERY = "transparency-database";

    private StatementSubmitter() {
    }

    public static DeliveryLoop start(KafkaSettings kafka, TransparencyDatabaseSettings settings, MeterRegistry registry) {
        Clock clock = Clock.systemUTC();
        TransparencyDatabaseClient client = new TransparencyDatabaseClient(settings.endpoint(), settings::token,
                new RateLimiter(settings.maxRequestsPerSecond(), settings.maxRequestsPerMinute(), clock),
                Duration.ofSeconds(settings.requestTimeoutSeconds()));
        StatementDelivery delivery = new StatementDelivery(new BatchSubmission(client),
                new OutboundDeadLetters(kafka.applicationId(), registry), registry, clock);
        String group = kafka.applicationId() + "-" + DELIVERY;
        return new DeliveryLoop(DELIVERY, Topics.STATEMENTS_OF_REASONS.name(),
                () -> DeliveryClients.consumer(kafka, group, settings.batchSize()),
                () -> DeliveryClients.transactionalProducer(kafka, group + "-" + UUID.randomUUID()),
                delivery, settings.batchSize(), Duration.ofMillis(settings.lingerMs()), Duration.ofSeconds(settings.maxBackoffSeconds()),
                registry, clock).start();
    }
}
