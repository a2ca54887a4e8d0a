package io.vigil.standalone.commands;

import io.vigil.runtime.streams.TopicCreator;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Creates Vigil's topics on a cluster, from the topic catalogue. */
@Command(name = "topics", mixinStandardHelpOptions = true, subcommands = TopicsCommand.Create.class,
        description = "Manage Vigil's topics on a Kafka cluster.")
public final class TopicsCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create every topic of the catalogue that is missing, and check the chat-keyed ones are co-partitioned.")
    public static final class Create implements Callable<Integer> {

        @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT,...")
        String bootstrapServers;

        @Option(names = "--partitions", defaultValue = "12", description = "Partitions of every chat-keyed topic (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Option(names = "--replication-factor", defaultValue = "3", description = "Replicas of every topic (default: ${DEFAULT-VALUE}).")
        short replicationFactor;

        @Option(names = "--queues", split = ",", defaultValue = "csam,urgent,ncii,doxxing,review,senior",
                description = "Moderator queues of the routing policy (default: ${DEFAULT-VALUE}).")
        List<String> queues;

        @Override
        public Integer call() {
            List<TopicSpec> all = Topics.all(queues);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                TopicCreator.ensure(admin, all, partitions, replicationFactor);
            }
            all.forEach(t -> System.out.println(t.name() + "\t" + t.partitions(partitions) + " partitions\t" + t.cleanupPolicy().configValue()));
            return 0;
        }
    }
}
