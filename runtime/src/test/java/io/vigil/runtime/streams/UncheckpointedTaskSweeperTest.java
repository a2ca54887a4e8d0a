package io.vigil.runtime.streams;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

class UncheckpointedTaskSweeperTest {

    @TempDir
    Path stateDir;

    @Test
    void aCrashedTaskWithoutCheckpointIsRemovedAndEverythingElseStays() throws IOException {
        Path app = stateDir.resolve("vigil-enricher");
        Path crashed = store(app.resolve("0_0"));
        Path cleanlyClosed = store(app.resolve("0_1"));
        Files.writeString(cleanlyClosed.resolve(UncheckpointedTaskSweeper.CHECKPOINT_FILE), "0\n1\nchangelog 1 42\n");
        Path global = store(app.resolve("global"));
        Path processMetadata = Files.writeString(app.resolve("kafka-streams-process-metadata"), "process id");

        assertThat(UncheckpointedTaskSweeper.sweep(stateDir, "vigil-enricher")).containsExactly("0_0");

        assertThat(crashed).doesNotExist();
        assertThat(cleanlyClosed.resolve("rocksdb").resolve("store").resolve("000001.sst")).exists();
        assertThat(global.resolve("rocksdb").resolve("store").resolve("000001.sst")).exists();
        assertThat(processMetadata).exists();
    }

    @Test
    void nothingIsRemovedWhileAKafkaStreamsClientHoldsTheApplicationsLock() throws IOException {
        Path app = stateDir.resolve("vigil-sink");
        Path running = store(app.resolve("0_2"));
        try (FileChannel channel = FileChannel.open(app.resolve(UncheckpointedTaskSweeper.APPLICATION_LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            assertThat(UncheckpointedTaskSweeper.sweep(stateDir, "vigil-sink")).isEmpty();
        }
        assertThat(running).exists();
    }

    @Test
    void anApplicationThatNeverRanHereHasNothingToSweep() {
        assertThat(UncheckpointedTaskSweeper.sweep(stateDir, "vigil-detector")).isEmpty();
    }

    private static Path store(Path task) throws IOException {
        Path store = Files.createDirectories(task.resolve("rocksdb").resolve("store"));
        Files.writeString(store.resolve("000001.sst"), "data");
        return task;
    }
}
