package io.vigil.standalone.faults;

import io.vigil.schemas.topics.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.awaitility.Awaitility.await;

/**
 * A three-node KRaft cluster (replication factor 3, min ISR 2), each node in a JVM of its own, under steady load:
 * SIGKILL of the node that leads a busy partition of message-events, then a second instance of each service joining
 * and, later, leaving. Afterwards every message has exactly one detection, one risk assessment and the queue items its
 * score calls for, as a read-committed consumer sees them. Timings are printed.
 */
class ClusterFaultsTest {

    @TempDir
    Path dataDir;

    @Test
    void aDeadLeaderAndInstancesJoiningAndLeavingUnderLoadLoseNothingAndDuplicateNothing() throws Exception {
        try (FaultScenario scenario = new FaultScenario(3, dataDir, "three-brokers")) {
            try {
                scenario.startPipelineUnderLoad(25);

                int leader = scenario.cluster.leaderOf(Topics.MESSAGE_EVENTS.name(), 0);
                scenario.killBroker(leader, Duration.ZERO, "leader of message-events-0");

                Instant joined = Instant.now();
                for (String service : new String[]{"detector", "enricher", "sink"}) {
                    scenario.start(service, "b");
                }
                // Under load while the group moves partitions to the new instances, and back when they leave.
                await().atMost(FaultScenario.TIMEOUT).pollDelay(Duration.ofSeconds(20)).until(() -> true);
                scenario.record(String.format("second instances joined: longest gap in risk-assessments %5.1f s",
                        scenario.ledger.longestGap(Topics.RISK_ASSESSMENTS.name(), joined, Instant.now()).toMillis() / 1000.0));
                Instant left = Instant.now();
                for (String service : new String[]{"detector", "enricher", "sink"}) {
                    scenario.stop(service, "b");
                }
                scenario.awaitOutput(Topics.RISK_ASSESSMENTS.name(), scenario.committedEnds(Topics.RISK_ASSESSMENTS.name()),
                        "output after the second instances left");
                await().atMost(FaultScenario.TIMEOUT).pollDelay(Duration.ofSeconds(10)).until(() -> true);
                scenario.record(String.format("second instances left: longest gap in risk-assessments %5.1f s",
                        scenario.ledger.longestGap(Topics.RISK_ASSESSMENTS.name(), left, Instant.now()).toMillis() / 1000.0));

                scenario.drain();
            } finally {
                scenario.printReport("three brokers (RF 3, min ISR 2): leader killed, instances joining and leaving under load");
            }
            Expectations.exactlyOnce(scenario.ledger, scenario.traffic.sent(), scenario.cluster.bootstrapServers());
        }
    }
}
