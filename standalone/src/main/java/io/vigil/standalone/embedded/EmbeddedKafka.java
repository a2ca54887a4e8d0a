package io.vigil.standalone.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka cluster in this process: one KRaft server acting as broker and controller, its storage
 * formatted by Kafka's own formatter on first start and reused after, listening on 127.0.0.1 only. It is the broker
 * the demo and the end-to-end tests run against; production runs a cluster of its own (see docker/).
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Broker session; measured in docs/benchmarks.md, "Round six on issue-13-recovery6". */
    private static final int SESSION_TIMEOUT_MS = 2_000;

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final int port;

    private EmbeddedKafka(KafkaRaftServer server, Path dataDir, int port) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts a broker on the given port (0 picks a free one) with its data under {@code dataDir}. */
    public static EmbeddedKafka start(Path dataDir, int port) {
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        Path logDir = dataDir.toAbsolutePath().resolve("kafka-logs");
        Properties props = singleNodeProperties(logDir, brokerPort, controllerPort);
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        formatOnce(logDir, config);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka = new EmbeddedKafka(server, dataDir, brokerPort);
        kafka.awaitReady();
        LOG.info("Kafka (KRaft, broker+controller) ready on {} with data in {}", kafka.bootstrapServers(), logDir);
        return kafka;
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * The configuration of this single node (node id 1, broker and controller in one process). Public so that the fault
     * tests run their single broker, in a JVM of its own, exactly as configured here.
     */
    public static Properties singleNodeProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // One node: every internal topic has one replica. Fewer internal partitions than the defaults' 50 keep
        // start-up quick on a laptop; they bound group and transaction coordinators, not throughput.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        // After a kill -9 the restarted node's controller still holds the dead incarnation's registration and refuses
        // the new one (DUPLICATE_BROKER_REGISTRATION) until that session expires, counted from the controller's
        // activation (with a 4 s session: registered 4.9 s after it, in a fault test's log; Kafka's default is 9 s).
        // A single node has no other broker to move partitions to, so a long session buys nothing but that wait; the
        // cost of a short one is that a heartbeat not seen for 2 s (a long pause of this JVM) fences the node until its
        // next heartbeat. A heartbeat late only in the controller's queue counts as seen (docs/operations.md, "A
        // broker's kill, second by second").
        props.put("broker.session.timeout.ms", Integer.toString(SESSION_TIMEOUT_MS));
        props.put("broker.heartbeat.interval.ms", Integer.toString(SESSION_TIMEOUT_MS / 4));
        return props;
    }

    private static void formatOnce(Path logDir, KafkaConfig config) {
        try {
            Files.createDirectories(logDir);
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return;
            }
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setHasDynamicQuorum(false)
                    .setIgnoreFormatted(true)
                    .addDirectory(logDir.toString())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka's data directory " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka's storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    if (Instant.now().isAfter(deadline)) {
                        close();
                        throw new IllegalStateException("Kafka did not become ready within " + READY_TIMEOUT.toSeconds() + " s", e);
                    }
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Kafka stopped");
    }
}
