package io.vigil.standalone.commands;

import io.vigil.compliance.ComplianceApp;
import io.vigil.compliance.ComplianceConfig;
import io.vigil.detector.DetectorApp;
import io.vigil.detector.DetectorConfig;
import io.vigil.enricher.EnricherApp;
import io.vigil.enricher.EnricherConfig;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.config.ServiceConfig;
import io.vigil.runtime.streams.ServiceRunner;
import io.vigil.runtime.streams.StreamsApplication;
import io.vigil.sink.SinkApp;
import io.vigil.sink.SinkConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** One service on its own against a Kafka cluster: what each container of the production deployment runs. */
public final class ServiceCommands {

    private ServiceCommands() {
    }

    abstract static class ServiceCommand<C extends ServiceConfig> implements Callable<Integer> {

        @Option(names = "--config", paramLabel = "FILE", description = "YAML file overriding the service's defaults.")
        Path config;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka cluster to use.")
        String bootstrapServers;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting, e.g. --set http.port=9000.")
        Map<String, String> settings = Map.of();

        abstract StreamsApplication<C> application();

        abstract Class<C> configType();

        @Override
        public Integer call() {
            ConfigLoader loader = ConfigLoader.forService(application().name()).file(config);
            if (bootstrapServers != null) {
                loader.override("kafka.bootstrap-servers", bootstrapServers);
            }
            settings.forEach(loader::override);
            ServiceRunner.runUntilShutdown(application(), loader.load(configType()));
            return 0;
        }
    }

    @Command(name = "detector", mixinStandardHelpOptions = true,
            description = "Run the detector: message events in, one detection per message out.")
    public static final class Detector extends ServiceCommand<DetectorConfig> {
        @Override
        StreamsApplication<DetectorConfig> application() {
            return new DetectorApp();
        }

        @Override
        Class<DetectorConfig> configType() {
            return DetectorConfig.class;
        }
    }

    @Command(name = "enricher", mixinStandardHelpOptions = true,
            description = "Run the enricher: detections joined with group metadata, scored and explained.")
    public static final class Enricher extends ServiceCommand<EnricherConfig> {
        @Override
        StreamsApplication<EnricherConfig> application() {
            return new EnricherApp();
        }

        @Override
        Class<EnricherConfig> configType() {
            return EnricherConfig.class;
        }
    }

    @Command(name = "sink", mixinStandardHelpOptions = true,
            description = "Run the sink: moderator queues, queue state, the live alert feed and the moderator page.")
    public static final class Sink extends ServiceCommand<SinkConfig> {
        @Override
        StreamsApplication<SinkConfig> application() {
            return new SinkApp();
        }

        @Override
        Class<SinkConfig> configType() {
            return SinkConfig.class;
        }
    }

    @Command(name = "compliance", mixinStandardHelpOptions = true,
            description = "Run the compliance service: statements of reasons (and their submission to the EU Transparency Database), CyberTipline reports (and their submission to NCMEC after a second person's confirmation).")
    public static final class Compliance extends ServiceCommand<ComplianceConfig> {
        @Override
        StreamsApplication<ComplianceConfig> application() {
            return new ComplianceApp();
        }

        @Override
        Class<ComplianceConfig> configType() {
            return ComplianceConfig.class;
        }
    }
}
