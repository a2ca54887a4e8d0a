package io.vigil.standalone.routing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.enricher.EnricherApp;
import io.vigil.enricher.EnricherConfig;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.testing.StreamsTestSupport;
import io.vigil.schemas.Detection;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.NudityScores;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.sink.SinkConfig;
import io.vigil.sink.steps.QueueRouting;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the enricher's default scoring and the sink's default routing do together: the queue an assessment reaches
 * is a claim about both services' configuration, so it is checked here rather than in either module alone.
 */
class EnricherToSinkRoutingTest {

    @Test
    void anExplicitImageAloneInNoBankReachesTheNciiQueueAsAPossibleFirstLeak() {
        Detection alone = Detection.newBuilder().setPlatform("telegram").setChatId("chat-3").setMessageId("n1").setSenderId("s")
                .setSentAt(Instant.EPOCH).setDetectedAt(Instant.EPOCH)
                .setMedia(List.of(MediaSignal.newBuilder().setMediaId("a").setKind(MediaKind.PHOTO).setNudity(NudityScores.newBuilder()
                        .setModel("nsfwjs-mobilenet-v2").setScores(Map.of("porn", 0.93)).setExplicit(0.93).setSuggestive(0).setDrawn(0)
                        .setNeutral(0.07).build()).build()))
                .build();

        List<QueueItem> queued = new QueueRouting(sinkConfig().routing(), new SimpleMeterRegistry(), Clock.systemUTC()).route(assess(alone));

        // Enricher: the default policy's explicit-image rule weighs 0.6 with category NCII; sink: the ncii queue takes NCII
        // from 0.6 (urgent needs 0.85).
        assertThat(queued).singleElement().satisfies(item -> {
            assertThat(item.getQueue()).isEqualTo("ncii");
            assertThat(item.getLevel().name()).isEqualTo("HIGH");
        });
    }

    private static RiskAssessment assess(Detection detection) {
        EnricherConfig config = ConfigLoader.forService("enricher").environment(Map.of()).load(EnricherConfig.class);
        var topology = new EnricherApp().topology(config, new SimpleMeterRegistry());
        try (TopologyTestDriver driver = StreamsTestSupport.driver(topology, "enricher-test")) {
            driver.createInputTopic(Topics.DETECTIONS.name(), new StringSerializer(), AvroSerde.of(Detection.class))
                    .pipeInput(detection.getChatId(), detection);
            return driver.createOutputTopic(Topics.RISK_ASSESSMENTS.name(), new StringDeserializer(), AvroSerde.of(RiskAssessment.class))
                    .readValue();
        }
    }

    private static SinkConfig sinkConfig() {
        return ConfigLoader.forService("sink").environment(Map.of())
                .override("auth.oidc.issuer", "https://id.example.org/realms/safety")
                .override("auth.peer-secret", "peer-secret-for-tests-0123456789abcdef").load(SinkConfig.class);
    }
}
