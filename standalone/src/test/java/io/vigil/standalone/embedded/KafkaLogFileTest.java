package io.vigil.standalone.embedded;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaLogFileTest {

    @TempDir
    Path dir;

    @Test
    void kafkasInfoLinesGoToTheFileWhileVigilsStayOnTheConsoleAndClosingRestoresTheLoggers() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> console = new ListAppender<>();
        console.start();
        root.addAppender(console);
        try {
            Path file;
            try (KafkaLogFile logs = KafkaLogFile.under(dir)) {
                file = logs.file();
                LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient").info("broker line for the file");
                LoggerFactory.getLogger("kafka.server.BrokerServer").info("another broker line");
                LoggerFactory.getLogger("io.vigil.standalone.Demo").info("a Vigil line");
            }
            LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient").warn("after closing");

            assertThat(file).isEqualTo(dir.resolve("logs/kafka.log"));
            assertThat(Files.readString(file)).contains("broker line for the file", "another broker line").doesNotContain("a Vigil line");
            assertThat(console.list).extracting(ILoggingEvent::getFormattedMessage)
                    .contains("a Vigil line", "after closing").doesNotContain("broker line for the file", "another broker line");
        } finally {
            root.detachAppender(console);
        }
    }
}
