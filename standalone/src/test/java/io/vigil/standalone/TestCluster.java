package io.vigil.standalone;

import io.vigil.runtime.streams.TopicCreator;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.standalone.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A real broker for a test class, with the topics its commands expect already there (no service creates them). */
public final class TestCluster {

    private TestCluster() {
    }

    public static EmbeddedKafka start(Path dir, List<TopicSpec> topics, int partitions) {
        EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, topics, partitions, (short) 1);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }
}
