package io.vigil.standalone.faults;

import io.vigil.standalone.embedded.EmbeddedKafka;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * One node of a test cluster (KRaft broker and controller in one process), run in a JVM of its own by
 * {@link KafkaCluster} so that it can be killed with SIGKILL like a real broker. Formats its storage on first start and
 * reuses it after, so a killed node restarts on its own data.
 *
 * <p>Arguments: node id, broker port, controller port, quorum voters ({@code 1@127.0.0.1:port,...}), log directory,
 * cluster id, number of nodes. A node of a one-node cluster is configured as the product's embedded broker
 * ({@link EmbeddedKafka#singleNodeProperties}), so that its restart is timed as shipped.
 */
public final class ClusterNode {

    static final String READY = "CLUSTER-NODE-READY";

    public static void main(String[] args) throws Exception {
        int nodeId = Integer.parseInt(args[0]);
        int brokerPort = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        String voters = args[3];
        Path logDir = Path.of(args[4]);
        String clusterId = args[5];
        int nodes = Integer.parseInt(args[6]);
        Properties properties = nodes == 1
                ? EmbeddedKafka.singleNodeProperties(logDir, brokerPort, controllerPort)
                : properties(nodeId, brokerPort, controllerPort, voters, logDir, nodes);
        KafkaConfig config = KafkaConfig.fromProps(properties, false);
        Files.createDirectories(logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setHasDynamicQuorum(false)
                    .setIgnoreFormatted(true)
                    .addDirectory(logDir.toString())
                    .run();
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        System.out.println(READY + " " + nodeId);
        System.out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
            forever.countDown();
        }));
        forever.await();
    }

    /**
     * A production-like node: every topic and internal topic replicated to three nodes with two in sync required (so
     * one node can die without losing an acknowledged write), and a broker that stops heartbeating fenced after 4 s
     * (KRaft's default is 9 s) so that its partitions get new leaders within the pipeline's 10-second recovery goal.
     */
    static Properties properties(int nodeId, int brokerPort, int controllerPort, String voters, Path logDir, int nodes) {
        String host = "127.0.0.1";
        String replicas = Integer.toString(Math.min(3, nodes));
        String minIsr = Integer.toString(Math.min(2, nodes));
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(nodeId));
        props.put("controller.quorum.voters", voters);
        props.put("listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("offsets.topic.replication.factor", replicas);
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", replicas);
        props.put("transaction.state.log.min.isr", minIsr);
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", replicas);
        props.put("share.coordinator.state.topic.min.isr", minIsr);
        props.put("default.replication.factor", replicas);
        props.put("min.insync.replicas", minIsr);
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        props.put("broker.session.timeout.ms", "4000");
        props.put("broker.heartbeat.interval.ms", "1000");
        // Small segments and indexes: a test cluster of three nodes in 2 cores and a few hundred MB.
        props.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
        props.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
        return props;
    }
}
