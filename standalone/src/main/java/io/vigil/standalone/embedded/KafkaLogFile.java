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
import java.util.ArrayList;
import java.util.List;

/**
 * Kafka's own logs (the embedded broker's and the clients') at INFO in a file under the data directory, so that the
 * console shows Vigil's lines: a broker logs hundreds of lines at start, none of them what a user of the demo needs.
 * Kafka's errors still reach the console as well. Closing puts the loggers back as they were configured.
 */
public final class KafkaLogFile implements AutoCloseable {

    private static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    private record Saved(Logger logger, Level level, boolean additive) {
    }

    private final Path file;
    private final List<Saved> saved = new ArrayList<>();
    private final List<ch.qos.logback.core.Appender<ILoggingEvent>> appenders = new ArrayList<>();

    private KafkaLogFile(Path file) {
        this.file = file;
    }

    /** Sends Kafka's logs to {@code <dataDir>/logs/kafka.log} until closed. */
    public static KafkaLogFile under(Path dataDir) {
        KafkaLogFile logs = new KafkaLogFile(dataDir.toAbsolutePath().resolve("logs").resolve("kafka.log"));
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            logs.redirect(context);
        } // else another SLF4J binding: its own configuration decides
        return logs;
    }

    public Path file() {
        return file;
    }

    private void redirect(LoggerContext context) {
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
        appenders.add(toFile);
        appenders.add(errors);

        for (String name : KAFKA_LOGGERS) {
            Logger logger = context.getLogger(name);
            saved.add(new Saved(logger, logger.getLevel(), logger.isAdditive()));
            logger.setLevel(Level.INFO);
            logger.setAdditive(false);
            logger.addAppender(toFile);
            logger.addAppender(errors);
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    @Override
    public void close() {
        for (Saved s : saved) {
            appenders.forEach(a -> s.logger().detachAppender(a));
            s.logger().setLevel(s.level());
            s.logger().setAdditive(s.additive());
        }
        appenders.forEach(ch.qos.logback.core.Appender::stop);
        saved.clear();
        appenders.clear();
    }
}
