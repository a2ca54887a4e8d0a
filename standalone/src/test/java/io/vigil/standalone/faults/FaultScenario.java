package io.vigil.standalone.faults;

import io.vigil.runtime.streams.TopicCreator;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.admin.Admin;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * A pipeline under steady load on a real cluster, and faults done to it one after another: each fault is timed from the
 * moment it was done (and, for a kill, from the restart) to the first output a read-committed consumer sees after it.
 * The timings are printed, as figures; the test's assertion is exactly-once over all of it.
 */
final class FaultScenario implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(240);
    static final int PARTITIONS = 3;
    static final int CHATS = 12;

    final KafkaCluster cluster;
    final Services services;
    final OutputLedger ledger;
    final Traffic traffic;
    private final Map<String, ChildJvm> running = new LinkedHashMap<>();
    private final List<String> timings = new ArrayList<>();

    FaultScenario(int brokers, Path dataDir, String name) {
        Path logs = Path.of("target", "fault-logs", name + "-" + System.currentTimeMillis()).toAbsolutePath();
        cluster = KafkaCluster.start(brokers, dataDir.resolve("kafka"), logs);
        int replication = Math.min(3, brokers);
        try (Admin admin = cluster.admin()) {
            TopicCreator.ensure(admin, Topics.all(Expectations.SINK.queueNames()), PARTITIONS, (short) replication);
        }
        Traffic.seed(cluster.bootstrapServers(), CHATS);
        services = new Services(cluster.bootstrapServers(), dataDir, logs, PARTITIONS, replication);
        ledger = new OutputLedger(cluster.bootstrapServers(), Expectations.queueTopics());
        traffic = new Traffic(cluster.bootstrapServers(), CHATS);
    }

    void start(String service, String instance) {
        running.put(service + "-" + instance, services.start(service, instance));
    }

    /** Starts the three services, the traffic, and waits until assessments flow. */
    void startPipelineUnderLoad(int perSecond) {
        start("detector", "a");
        start("enricher", "a");
        start("sink", "a");
        traffic.start(perSecond);
        await().atMost(TIMEOUT).until(() -> ledger.count(Topics.RISK_ASSESSMENTS.name()) >= 20);
    }

    /** SIGKILL of a service instance, restarted at once on its state; timed to its next output on {@code output}. */
    void killAndRestart(String service, String instance, String output) {
        ChildJvm victim = running.get(service + "-" + instance);
        Instant killed = Instant.now();
        victim.kill();
        Instant restarted = Instant.now();
        start(service, instance);
        Instant first = awaitOutput(output, restarted, service + " restarted");
        timings.add(String.format("kill -9 %-8s -> restarted in %5.1f s -> %s again %5.1f s after the restart (%5.1f s after the kill)",
                service, seconds(killed, restarted), output, seconds(restarted, first), seconds(killed, first)));
    }

    /** SIGKILL of a broker, restarted after {@code down}; timed to the next risk assessment. */
    void killBroker(int node, Duration down, String why) throws InterruptedException {
        Instant killed = Instant.now();
        cluster.kill(node);
        Thread.sleep(down.toMillis());
        if (!down.isNegative() && cluster.size() == 1) {
            cluster.restart(node);
        }
        Instant first = awaitOutput(Topics.RISK_ASSESSMENTS.name(), killed.plusMillis(500), "broker " + node + " killed");
        timings.add(String.format("kill -9 broker %d (%s) -> risk-assessments again %5.1f s after the kill", node, why, seconds(killed, first)));
        if (cluster.size() > 1) {
            cluster.restart(node);
        }
    }

    void record(String line) {
        timings.add(line);
    }

    void stop(String service, String instance) {
        running.remove(service + "-" + instance).stop();
    }

    Instant awaitOutput(String topic, Instant since, String what) {
        Supplier<Boolean> arrived = () -> ledger.firstAfter(topic, since).isPresent();
        await(what).atMost(TIMEOUT).until(arrived::get);
        return ledger.firstAfter(topic, since).orElseThrow();
    }

    /** Stops the traffic and waits until every message has its detection and assessment, then a moment for stragglers. */
    void drain() throws InterruptedException {
        traffic.stop();
        int sent = traffic.sent();
        await("every message assessed").atMost(TIMEOUT).until(() -> ledger.count(Topics.DETECTIONS.name()) >= sent
                && ledger.count(Topics.RISK_ASSESSMENTS.name()) >= sent);
        Thread.sleep(5_000);
    }

    void printReport(String title) {
        System.out.println("== " + title);
        timings.forEach(line -> System.out.println("   " + line));
        System.out.println("   messages sent: " + traffic.sent() + "; outputs: " + Expectations.counts(ledger)
                + (ledger.failures().isEmpty() ? "" : "; ledger failed: " + ledger.failures()));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    @Override
    public void close() {
        traffic.close();
        ledger.close();
        running.values().forEach(ChildJvm::kill);
        cluster.close();
    }
}
