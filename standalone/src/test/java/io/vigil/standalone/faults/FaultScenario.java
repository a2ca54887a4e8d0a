package io.vigil.standalone.faults;

import io.vigil.runtime.streams.TopicCreator;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
        // The victim's open transaction, if any, holds the committed end here until the restarted instance aborts it.
        Map<Integer, Long> before = committedEnds(output);
        Instant restarted = Instant.now();
        start(service, instance);
        Instant first = awaitOutput(output, before, service + " restarted");
        timings.add(String.format("kill -9 %-8s -> restarted in %5.1f s -> %s again %5.1f s after the restart (%5.1f s after the kill; a bare java -version just after: %4.2f s)",
                service, seconds(killed, restarted), output, seconds(restarted, first), seconds(killed, first), ChildJvm.bareStartSeconds()));
    }

    /** SIGKILL of a broker, restarted after {@code down}; timed to the first risk assessment of a message sent after the kill. */
    void killBroker(int node, Duration down, String why) throws InterruptedException {
        Instant killed = Instant.now();
        cluster.kill(node);
        Thread.sleep(down.toMillis());
        if (!down.isNegative() && cluster.size() == 1) {
            cluster.restart(node);
        }
        Supplier<Boolean> arrived = () -> ledger.firstOfMessagesSentFrom(Topics.RISK_ASSESSMENTS.name(), killed).isPresent();
        await("broker " + node + " killed").atMost(TIMEOUT).until(arrived::get);
        Instant first = ledger.firstOfMessagesSentFrom(Topics.RISK_ASSESSMENTS.name(), killed).orElseThrow();
        timings.add(String.format("kill -9 broker %d (%s) -> risk-assessments again %5.1f s after the kill (a bare java -version just after: %4.2f s)",
                node, why, seconds(killed, first), ChildJvm.bareStartSeconds()));
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

    /** When the first record committed past {@code committedEnds} arrived: the first output after a fault. */
    Instant awaitOutput(String topic, Map<Integer, Long> committedEnds, String what) {
        Supplier<Boolean> arrived = () -> ledger.firstWrittenFrom(topic, committedEnds).isPresent();
        await(what).atMost(TIMEOUT).until(arrived::get);
        return ledger.firstWrittenFrom(topic, committedEnds).orElseThrow();
    }

    /** The offsets up to which {@code topic} is committed now, per partition (what a read-committed consumer can read). */
    Map<Integer, Long> committedEnds(String topic) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        try (Admin admin = cluster.admin()) {
            Map<Integer, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(60, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the committed end of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
