package io.vigil.runtime.health;

import java.util.List;
import java.util.Map;

/**
 * What /health and /health/ready answer.
 *
 * @param live    the service works or heals by itself; false means an operator or a restart is needed
 * @param ready   live, every Streams application running, and no state being restored
 * @param streams each stage's Kafka Streams state
 * @param reasons why it is not live or not ready, in words an operator can act on (empty when all is well)
 */
public record HealthReport(String service, boolean live, boolean ready, Map<String, String> streams, List<String> reasons) {

    public Map<String, Object> body() {
        return Map.of("service", service, "status", live ? "UP" : "DOWN", "ready", ready, "streams", streams,
                "reasons", reasons);
    }
}
