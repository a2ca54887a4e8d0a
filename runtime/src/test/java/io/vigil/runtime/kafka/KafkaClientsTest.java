package io.vigil.runtime.kafka;

import io.vigil.runtime.config.KafkaSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientsTest {

    @Test
    void everyClientGetsTheClustersSecuritySettingsButNotStreamsOwn() {
        KafkaSettings kafka = new KafkaSettings("broker-1:9093", "vigil-sink", "/tmp/state", 1, 100, 5, 12, 3, false, 1, "", 10_000, 1_000_000, 60, "", Map.of(
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "ssl.truststore.location", "/etc/vigil/truststore.p12",
                "num.standby.replicas", "1", "producer.compression.type", "zstd"));

        Map<String, Object> common = new KafkaClients(kafka).common("vigil-sink-feed");

        assertThat(common).containsEntry("bootstrap.servers", "broker-1:9093").containsEntry("client.id", "vigil-sink-feed")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config").containsEntry("ssl.truststore.location", "/etc/vigil/truststore.p12")
                .doesNotContainKey("num.standby.replicas").doesNotContainKey("producer.compression.type");
    }

    @Test
    void everyClientRetriesWithinAQuarterSecondUnlessTheDeploymentSaysOtherwise() {
        KafkaSettings shipped = new KafkaSettings("broker-1:9093", "vigil-sink", "/tmp/state", 1, 100, 5, 12, 3, false, 1, "", 10_000, 1_000_000, 60, "", Map.of());
        KafkaSettings overridden = new KafkaSettings("broker-1:9093", "vigil-sink", "/tmp/state", 1, 100, 5, 12, 3, false, 1, "", 10_000, 1_000_000, 60, "",
                Map.of("reconnect.backoff.max.ms", "1000"));

        assertThat(new KafkaClients(shipped).common("vigil-sink-feed"))
                .containsEntry("reconnect.backoff.max.ms", 250).containsEntry("retry.backoff.max.ms", 250);
        assertThat(new KafkaClients(overridden).common("vigil-sink-feed"))
                .containsEntry("reconnect.backoff.max.ms", "1000").containsEntry("retry.backoff.max.ms", 250);
    }
}
