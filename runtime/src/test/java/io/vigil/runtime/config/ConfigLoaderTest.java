package io.vigil.runtime.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    record TestConfig(KafkaSettings kafka, HttpSettings http, double threshold, List<String> queues) implements ServiceConfig {
        @Override
        public List<String> problems() {
            return new Checks().nested(kafka, "kafka").nested(http, "http")
                    .between(threshold, 0, 1, "threshold")
                    .require(!queues.isEmpty(), "queues", "needs at least one queue").problems();
        }
    }

    @Test
    void loadsTheDefaultsShippedWithTheService() {
        TestConfig config = ConfigLoader.forService("testsvc").environment(Map.of()).load(TestConfig.class);

        assertThat(config.kafka().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.kafka().chatPartitions()).isEqualTo(6);
        assertThat(config.queues()).containsExactly("urgent", "review");
    }

    @Test
    void fileThenEnvironmentThenOptionsOverrideTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("override.yaml");
        Files.writeString(file, "kafka:\n  bootstrap-servers: file:9092\n  num-stream-threads: 4\nthreshold: 0.7\n");

        TestConfig config = ConfigLoader.forService("testsvc").file(file)
                .environment(Map.of("VIGIL_KAFKA_BOOTSTRAP_SERVERS", "env:9092", "VIGIL_QUEUES", "a, b,c", "PATH", "/bin"))
                .override("threshold", "0.9")
                .load(TestConfig.class);

        assertThat(config.kafka().bootstrapServers()).isEqualTo("env:9092");
        assertThat(config.kafka().numStreamThreads()).isEqualTo(4);
        assertThat(config.queues()).containsExactly("a", "b", "c");
        assertThat(config.threshold()).isEqualTo(0.9);
    }

    @Test
    void reportsEveryInvalidValueAtOnceWithItsPath() {
        assertThatThrownBy(() -> ConfigLoader.forService("testsvc").environment(Map.of())
                .override("threshold", "1.5").override("kafka.chat-partitions", "0").override("http.port", "70000")
                .load(TestConfig.class))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactlyInAnyOrder(
                        "kafka.chat-partitions: must be positive (got 0)",
                        "http.port: must be 0-65535 (got 70000)",
                        "threshold: must be between 0.0 and 1.0 (got 1.5)"));
    }

    @Test
    void refusesAnEnvironmentVariableThatMatchesNoSetting() {
        assertThatThrownBy(() -> ConfigLoader.forService("testsvc")
                .environment(Map.of("VIGIL_KAFKA_BOOTSTRAP_SERVER", "typo:9092")).load(TestConfig.class))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("VIGIL_KAFKA_BOOTSTRAP_SERVER: matches no setting of testsvc");
    }

    @Test
    void leavesAloneVigilVariablesThatAreNoSettingsOfAnySection() {
        TestConfig config = ConfigLoader.forService("testsvc")
                .environment(Map.of("VIGIL_JAVA_OPTS", "-Xmx1g", "VIGIL_REQUIRE_NODE", "1")).load(TestConfig.class);

        assertThat(config.kafka().bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void ignoresVariablesOfOtherServicesWhenServicesShareAProcess() {
        TestConfig config = ConfigLoader.forService("testsvc").strictEnvironment(false)
                .environment(Map.of("VIGIL_KAFKA_OTHER_SERVICE_KEY", "x", "VIGIL_THRESHOLD", "0.25")).load(TestConfig.class);

        assertThat(config.threshold()).isEqualTo(0.25);
    }

    @Test
    void refusesAnUnknownKeyInAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "kafka:\n  bootstrap-server: x:9092\n");

        assertThatThrownBy(() -> ConfigLoader.forService("testsvc").file(file).environment(Map.of()).load(TestConfig.class))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka.bootstrap-server: unknown setting");
    }

    @Test
    void refusesAValueOfTheWrongType() {
        assertThatThrownBy(() -> ConfigLoader.forService("testsvc").environment(Map.of())
                .override("kafka.num-stream-threads", "many").load(TestConfig.class))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka.num-stream-threads");
    }

    @Test
    void namesTheEnvironmentVariableOfAPath() {
        assertThat(ConfigLoader.envName("detector.blob-root")).isEqualTo("VIGIL_DETECTOR_BLOB_ROOT");
    }
}
