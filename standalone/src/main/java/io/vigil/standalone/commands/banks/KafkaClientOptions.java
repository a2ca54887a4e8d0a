package io.vigil.standalone.commands.banks;

import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** How a command reaches the cluster: the bootstrap servers and, like Kafka's own tools, a file of client settings. */
public final class KafkaClientOptions {

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT,...", description = "Kafka cluster to use.")
    String bootstrapServers;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Properties file of Kafka client settings (security.protocol, sasl.*, ssl.*, ...), as Kafka's tools take.")
    Path commandConfig;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up when the cluster does not answer, or reading makes no headway, for this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    /** Client settings shared by every client a command creates; the caller adds its own. */
    public Map<String, Object> clientSettings() {
        Map<String, Object> settings = new HashMap<>();
        if (commandConfig != null) {
            Properties file = new Properties();
            try (InputStream in = Files.newInputStream(commandConfig)) {
                file.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --command-config " + commandConfig, e);
            }
            file.stringPropertyNames().forEach(name -> settings.put(name, file.getProperty(name)));
        }
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return settings;
    }

    /** The same settings for the runtime's client factory (their --command-config file as kafka.extra). */
    public io.vigil.runtime.config.KafkaSettings kafkaSettings() {
        Map<String, String> extra = new HashMap<>();
        clientSettings().forEach((key, value) -> {
            if (!key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                extra.put(key, String.valueOf(value));
            }
        });
        return io.vigil.runtime.config.KafkaSettings.forClients(bootstrapServers, "vigil-command", extra);
    }

    public Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }
}
