package io.vigil.standalone.backtest;

import io.vigil.runtime.config.ConfigLoader;
import io.vigil.enricher.EnricherConfig;
import io.vigil.standalone.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BacktestConfigTest {

    @TempDir
    Path dir;

    @Test
    void thePolicyGoesToTheEnricherAConfigFileIntoTheServicesOwnFilesAndSetsToTheServiceTheyName() throws Exception {
        Path policy = dir.resolve("policy.yaml");
        try (InputStream builtIn = EnricherConfig.class.getResourceAsStream("/policy/default-policy.yaml")) {
            Files.copy(builtIn, policy);
        }
        Path config = Files.writeString(dir.resolve("backtest.yaml"), "enricher:\n  network:\n    max-wait-ms: 60000\n");

        Pipeline.ServiceOverrides overrides = BacktestConfig.overrides(policy, config, Map.of("enricher.network.pdq-max-distance", "20"),
                dir.resolve("config"));
        EnricherConfig enricher = overrides.apply("enricher", ConfigLoader.forService("enricher").strictEnvironment(false)).load(EnricherConfig.class);

        assertThat(enricher.policy().file()).isEqualTo(policy.toAbsolutePath().toString());
        assertThat(enricher.network().maxWaitMs()).isEqualTo(60_000);
        assertThat(enricher.network().pdqMaxDistance()).isEqualTo(20);
        assertThat(overrides.files()).containsOnlyKeys("enricher");
    }

    @Test
    void theClusterAndPortsAreTheBacktestsOwnAndUnknownSectionsAreRefused() throws Exception {
        Path kafka = Files.writeString(dir.resolve("kafka.yaml"), "sink:\n  kafka:\n    bootstrap-servers: elsewhere:9092\n");
        Path unknown = Files.writeString(dir.resolve("unknown.yaml"), "scoring:\n  levels: {}\n");

        assertThatThrownBy(() -> BacktestConfig.overrides(null, kafka, Map.of(), dir)).hasMessageContaining("sink.kafka");
        assertThatThrownBy(() -> BacktestConfig.overrides(null, unknown, Map.of(), dir)).hasMessageContaining("unknown section 'scoring'");
        assertThatThrownBy(() -> BacktestConfig.overrides(null, null, Map.of("scoring.levels.high", "1"), dir)).hasMessageContaining("name the service first");
        assertThatThrownBy(() -> BacktestConfig.overrides(null, null, Map.of("detector.http.port", "1"), dir)).hasMessageContaining("its own");
    }
}
