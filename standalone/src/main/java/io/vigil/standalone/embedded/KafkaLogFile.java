package io.vigil.standalone.embedded;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * Kafka's own logs (the embedded broker's and the clients') at INFO in a file under the data directory, so the
 * console shows Vigil's lines: a broker logs hundreds of lines at start, none of them a user of the demo needs. Errors
 * of Kafka's still reach the console too.
 */
public final class KafkaLogFile {

    private static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    private KafkaLogFile() {
    }

    /** Sends Kafka's logs to {@code <dataDir>/logs/kafka.log}; returns the file. */
    public static Path under(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("logs").resolve("kafka.log");
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return file; // another SLF4J binding: its own configuration decides
        }
        FileAppender<ILoggingEvent> toFile = new FileAppender<>();
        toFile.setContext(context);
        toFile.setName("kafka-file");
        toFile.setFile(file.toString());
        toFile.setAppend(true);
        toFile.setEncoder(encoder(context));
        toFile.start();

        ConsoleAppender<ILoggingEvent> errors = new ConsoleAppender<>();
        errors.setContext(context);
        errors.setName("kafka-errors");
        errors.setTarget("System.err");
        errors.setEncoder(encoder(context));
        ThresholdFilter onlyErrors = new ThresholdFilter();
        onlyErrors.setLevel("ERROR");
        onlyErrors.start();
        errors.addFilter(onlyErrors);
        errors.start();

        for (String name : KAFKA_LOGGERS) {
            Logger logger = context.getLogger(name);
            // A second call (another run in the same JVM) replaces the first's file rather than adding to it.
            stop(logger.getAppender(toFile.getName()));
            stop(logger.getAppender(errors.getName()));
            logger.detachAppender(toFile.getName());
            logger.detachAppender(errors.getName());
            logger.setLevel(Level.INFO);
            logger.setAdditive(false);
            logger.addAppender(toFile);
            logger.addAppender(errors);
        }
        return file;
    }

    private static void stop(ch.qos.logback.core.Appender<ILoggingEvent> appender) {
        if (appender != null) {
            appender.stop();
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }
}
