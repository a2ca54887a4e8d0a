package io.vigil.standalone.commands;

import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.streams.TopicCreator;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import io.vigil.sink.SinkConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Creates Vigil's topics on a cluster, from the topic catalogue and the sink's routing. */
@Command(name = "topics", mixinStandardHelpOptions = true, subcommands = TopicsCommand.Create.class,
        description = "Manage Vigil's topics on a Kafka cluster.")
public final class TopicsCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create every topic of the catalogue that is missing, with a queue topic for every queue the sink's "
                    + "routing names, and check the chat-keyed ones are co-partitioned.",
                    "The queues come from the sink's configuration, read as the sink reads it (defaults, --config, VIGIL_* "
                            + "variables, --set), so the topics created are exactly those the sink will write."})
    public static final class Create implements Callable<Integer> {

        @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT,...")
        String bootstrapServers;

        @Option(names = "--partitions", defaultValue = "12", description = "Partitions of every chat-keyed topic (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Option(names = "--replication-factor", defaultValue = "3", description = "Replicas of every topic (default: ${DEFAULT-VALUE}).")
        short replicationFactor;

        @Option(names = "--config", paramLabel = "FILE", description = "The sink's configuration file (its routing names the queues).")
        Path sinkConfig;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting of the sink's configuration.")
        Map<String, String> settings = Map.of();

        @Override
        public Integer call() {
            List<String> queues = queues(sinkConfig, settings);
            List<TopicSpec> all = Topics.all(queues);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                TopicCreator.ensure(admin, all, partitions, replicationFactor);
            }
            all.forEach(t -> System.out.println(t.name() + "\t" + t.partitions(partitions) + " partitions\t" + t.cleanupPolicy().configValue()));
            return 0;
        }

        /** The queues the sink writes (its routing, and where its work policy escalates), from its configuration. */
        static List<String> queues(Path sinkConfig, Map<String, String> settings) {
            ConfigLoader loader = ConfigLoader.forService("sink").file(sinkConfig).strictEnvironment(false);
            settings.forEach(loader::override);
            return loader.load(SinkConfig.class).queueNames();
        }
    }
}
