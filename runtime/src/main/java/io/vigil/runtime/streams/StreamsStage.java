package io.vigil.runtime.streams;

import org.apache.kafka.streams.Topology;

/**
 * One Kafka Streams application of a service. Most services run one; the detector runs two, so that image work has
 * threads of its own and never holds the text of other messages behind it. Each stage has its own application id
 * (consumer group, transactional ids, state) and stream threads; they share the service's process, configuration,
 * metrics and health.
 *
 * @param name                 short name in logs, metrics and health: main, text, media
 * @param applicationIdSuffix  appended to kafka.application-id (empty for the main stage)
 */
public record StreamsStage(String name, String applicationIdSuffix, Topology topology) {

    public static StreamsStage main(Topology topology) {
        return new StreamsStage("main", "", topology);
    }
}
