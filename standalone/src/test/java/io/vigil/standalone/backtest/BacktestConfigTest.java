package io.vigil.standalone.backtest;

import io.vigil.runtime.config.ConfigLoader;
import io.vigil.enricher.EnricherConfig;
import io.vigil.standalone.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BacktestConfigTest {

    @TempDir
    Path dir;

    @Test
    void aPolicyFileIsSplitIntoTheServicesOwnFilesAndSetsGoToTheServiceTheyName() throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "enricher:\n  scoring:\n    levels:\n      high: 0.7\n");

        Pipeline.ServiceOverrides overrides = BacktestConfig.overrides(policy, Map.of("enricher.scoring.levels.critical", "0.95"), dir.resolve("config"));
        EnricherConfig enricher = overrides.apply("enricher", ConfigLoader.forService("enricher").strictEnvironment(false)).load(EnricherConfig.class);

        assertThat(enricher.scoring().levels().high()).isEqualTo(0.7);
        assertThat(enricher.scoring().levels().critical()).isEqualTo(0.95);
        assertThat(overrides.files()).containsOnlyKeys("enricher");
    }

    @Test
    void theClusterAndPortsAreTheBacktestsOwnAndUnknownSectionsAreRefused() throws Exception {
        Path kafka = Files.writeString(dir.resolve("kafka.yaml"), "sink:\n  kafka:\n    bootstrap-servers: elsewhere:9092\n");
        Path unknown = Files.writeString(dir.resolve("unknown.yaml"), "scoring:\n  levels: {}\n");

        assertThatThrownBy(() -> BacktestConfig.overrides(kafka, Map.of(), dir)).hasMessageContaining("sink.kafka");
        assertThatThrownBy(() -> BacktestConfig.overrides(unknown, Map.of(), dir)).hasMessageContaining("unknown section 'scoring'");
        assertThatThrownBy(() -> BacktestConfig.overrides(null, Map.of("scoring.levels.high", "1"), dir)).hasMessageContaining("name the service first");
        assertThatThrownBy(() -> BacktestConfig.overrides(null, Map.of("detector.http.port", "1"), dir)).hasMessageContaining("its own");
    }
}
