package io.vigil.standalone.commands;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Logging for the duration of a tool command (banks import, list, stats): its standard output is its result, so
 * the console log moves to standard error, and the Kafka clients' warnings are left out (a broker that cannot be
 * reached is retried with a warning every second; the command reports the failure itself, once). The services log
 * as configured; closing this restores it.
 */
public final class CommandLogging implements AutoCloseable {

    private static final String KAFKA_CLIENTS = "org.apache.kafka";
    private static final String STANDARD_OUTPUT = "System.out";
    private static final String STANDARD_ERROR = "System.err";

    private final Logger kafka;
    private final Level kafkaLevel;
    private final List<ConsoleAppender<ILoggingEvent>> moved;

    private CommandLogging(Logger kafka, Level kafkaLevel, List<ConsoleAppender<ILoggingEvent>> moved) {
        this.kafka = kafka;
        this.kafkaLevel = kafkaLevel;
        this.moved = moved;
    }

    public static CommandLogging forTool() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new CommandLogging(null, null, List.of()); // another SLF4J binding: leave it as configured
        }
        Logger kafka = context.getLogger(KAFKA_CLIENTS);
        Level previous = kafka.getLevel();
        kafka.setLevel(Level.ERROR);
        List<ConsoleAppender<ILoggingEvent>> moved = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> console && STANDARD_OUTPUT.equals(console.getTarget())) {
                retarget(console, STANDARD_ERROR);
                moved.add(console);
            }
        }
        return new CommandLogging(kafka, previous, moved);
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.setLevel(kafkaLevel);
        }
        moved.forEach(console -> retarget(console, STANDARD_OUTPUT));
    }

    /** A console appender opens its stream when started. */
    private static void retarget(ConsoleAppender<ILoggingEvent> console, String target) {
        console.stop();
        console.setTarget(target);
        console.start();
    }
}
