package io.vigil.standalone.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Kafka cluster of one or more KRaft nodes, each in a JVM of its own ({@link ClusterNode}), for tests that kill
 * brokers: replication factor 3 and min ISR 2 with three nodes, as in production. No Docker: the nodes run from the
 * Kafka jars on the test classpath.
 */
final class KafkaCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final int size;
    private final Path dataDir;
    private final String clusterId = Uuid.randomUuid().toString();
    private final int[] brokerPorts;
    private final int[] controllerPorts;
    private final ChildJvm[] nodes;

    private final Path logDir;

    private KafkaCluster(int size, Path dataDir, Path logDir) {
        this.size = size;
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.brokerPorts = new int[size];
        this.controllerPorts = new int[size];
        this.nodes = new ChildJvm[size];
        for (int i = 0; i < size; i++) {
            brokerPorts[i] = freePort();
            controllerPorts[i] = freePort();
        }
    }

    /** Starts {@code size} nodes with their data under {@code dataDir} and their logs under {@code logDir}. */
    static KafkaCluster start(int size, Path dataDir, Path logDir) {
        KafkaCluster cluster = new KafkaCluster(size, dataDir, logDir);
        for (int id = 1; id <= size; id++) {
            cluster.startNode(id);
        }
        cluster.awaitNodes(size);
        return cluster;
    }

    String bootstrapServers() {
        List<String> servers = new ArrayList<>();
        for (int port : brokerPorts) {
            servers.add("127.0.0.1:" + port);
        }
        return String.join(",", servers);
    }

    int size() {
        return size;
    }

    /** SIGKILL of node {@code id} (1-based). */
    void kill(int id) {
        nodes[id - 1].kill();
    }

    /** Starts node {@code id} again on its own data, and waits until the cluster counts it. */
    void restart(int id) {
        startNode(id);
        awaitNodes(size);
    }

    /** The node that leads a partition now. */
    int leaderOf(String topic, int partition) {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().get(partition).leader().id();
        } catch (Exception e) {
            throw new IllegalStateException("cannot find the leader of " + topic + "-" + partition, e);
        }
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    Path logDir() {
        return logDir;
    }

    private void startNode(int id) {
        String voters = java.util.stream.IntStream.rangeClosed(1, size)
                .mapToObj(n -> n + "@127.0.0.1:" + controllerPorts[n - 1]).collect(Collectors.joining(","));
        nodes[id - 1] = ChildJvm.start("kafka-" + id, logDir(), "512m", ClusterNode.class.getName(), List.of(
                Integer.toString(id), Integer.toString(brokerPorts[id - 1]), Integer.toString(controllerPorts[id - 1]), voters,
                dataDir.resolve("node-" + id).toAbsolutePath().toString(), clusterId, Integer.toString(size)));
    }

    private void awaitNodes(int expected) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try (Admin admin = admin()) {
            while (Instant.now().isBefore(deadline)) {
                try {
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= expected) {
                        return;
                    }
                } catch (Exception e) {
                    // not up yet
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the cluster did not count " + expected + " nodes within " + READY_TIMEOUT.toSeconds()
                + " s; see " + logDir());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (ChildJvm node : nodes) {
            if (node != null && node.isAlive()) {
                node.kill();
            }
        }
    }
}
