package io.vigil.standalone.commands;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Logging for the duration of a tool command that talks to Kafka (banks import, list, stats): the Kafka clients'
 * warnings are left out, because a broker that cannot be reached is retried with a warning every second and the
 * command reports the failure itself, once. Closing restores the configured level; the services log as configured.
 */
public final class CommandLogging implements AutoCloseable {

    private static final String KAFKA_CLIENTS = "org.apache.kafka";

    private final Logger kafka;
    private final Level configured;

    private CommandLogging(Logger kafka, Level configured) {
        this.kafka = kafka;
        this.configured = configured;
    }

    public static CommandLogging quietKafkaClients() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new CommandLogging(null, null); // another SLF4J binding: leave it as configured
        }
        Logger kafka = context.getLogger(KAFKA_CLIENTS);
        Level configured = kafka.getLevel();
        kafka.setLevel(Level.ERROR);
        return new CommandLogging(kafka, configured);
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.setLevel(configured);
        }
    }
}
