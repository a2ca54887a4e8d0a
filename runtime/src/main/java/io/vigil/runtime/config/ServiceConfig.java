package io.vigil.runtime.config;

/** What every service's configuration has: its Kafka and HTTP sections. */
public interface ServiceConfig extends Validatable {

    KafkaSettings kafka();

    HttpSettings http();
}
