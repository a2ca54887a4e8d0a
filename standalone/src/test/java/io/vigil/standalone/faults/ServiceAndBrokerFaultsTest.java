package io.vigil.standalone.faults;

import io.vigil.schemas.topics.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

/**
 * kill -9 of each service and of the broker, one after another, while messages keep coming (one broker, every service in
 * a JVM of its own, exactly-once as shipped). Each is restarted at once on its state, as a container on its volume
 * is. Afterwards every message has exactly one detection, one risk assessment and the queue items its score calls for,
 * as a read-committed consumer sees them: none lost, none twice. The time to the next output after each restart is
 * printed (docs/operations.md has the figures).
 */
class ServiceAndBrokerFaultsTest {

    @TempDir
    Path dataDir;

    @Test
    void killingEachServiceAndTheBrokerUnderLoadLosesNothingAndDuplicatesNothing() throws Exception {
        try (FaultScenario scenario = new FaultScenario(1, dataDir, "single-broker")) {
            try {
                scenario.startPipelineUnderLoad(25);

                scenario.killAndRestart("detector", "a", Topics.DETECTIONS.name());
                scenario.killAndRestart("enricher", "a", Topics.RISK_ASSESSMENTS.name());
                scenario.killAndRestart("sink", "a", Topics.queue("doxxing").name());
                scenario.killBroker(1, Duration.ofSeconds(1), "the only broker, restarted");

                scenario.drain();
            } finally {
                scenario.printReport("single broker: kill -9 of each service and of the broker under load");
            }
            Expectations.exactlyOnce(scenario.ledger, scenario.traffic.sent(), scenario.cluster.bootstrapServers());
        }
    }
}
