package io.vigil.runtime.streams;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes, before Kafka Streams starts, the task directories that a crash left without a checkpoint file.
 *
 * <p>Under exactly-once Kafka Streams deletes a task's {@code .checkpoint} while the task runs and writes it back only
 * on a clean close, because a store may hold writes of a transaction that was never committed. After {@code kill -9}
 * every task directory lacks it, and Streams treats each non-empty store without checkpoint offsets as corrupt: it
 * opens every such RocksDB store at start (its "startup tasks", on the main thread), opens them again on the stream
 * threads, and only then wipes them and restores the task from its changelog. Measured on a restarted enricher (4
 * tasks) that was 6.7 s at start plus about 3 s on the threads, all to reach the wipe it would do anyway. Wiping first
 * goes straight to the restore. Only task directories ({@code 0_1}, {@code 1_2}, ...) are touched: global stores
 * (the detector's bank index, which has no changelog) keep their own directory and checkpoint rules, and the
 * instance's identity files stay. Nothing is swept while another Kafka Streams client holds the application's
 * directory lock.
 */
final class UncheckpointedTaskSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(UncheckpointedTaskSweeper.class);
    /** Kafka Streams' names, from {@code StateManagerUtil.CHECKPOINT_FILE_NAME} and {@code StateDirectory}. */
    static final String CHECKPOINT_FILE = ".checkpoint";
    static final String APPLICATION_LOCK_FILE = ".lock";
    private static final Pattern TASK_DIRECTORY = Pattern.compile("\\d+_\\d+");

    private UncheckpointedTaskSweeper() {
    }

    /** Sweeps {@code stateDir/applicationId}; returns the task directories removed. */
    static List<String> sweep(Path stateDir, String applicationId) {
        Path applicationDir = stateDir.resolve(applicationId);
        if (!Files.isDirectory(applicationDir)) {
            return List.of();
        }
        try (FileChannel channel = FileChannel.open(applicationDir.resolve(APPLICATION_LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return List.of();
            }
            List<Path> dirty;
            try (Stream<Path> tasks = Files.list(applicationDir)) {
                dirty = tasks.filter(Files::isDirectory)
                        .filter(dir -> TASK_DIRECTORY.matcher(dir.getFileName().toString()).matches())
                        .filter(dir -> !Files.exists(dir.resolve(CHECKPOINT_FILE)))
                        .sorted()
                        .toList();
            }
            for (Path task : dirty) {
                deleteRecursively(task);
            }
            List<String> removed = dirty.stream().map(dir -> dir.getFileName().toString()).toList();
            if (!removed.isEmpty()) {
                LOG.info("{}: tasks {} had no checkpoint (the last stop was a crash); removed, they restore from their "
                        + "changelogs", applicationId, removed);
            }
            return removed;
        } catch (OverlappingFileLockException e) {
            return List.of(); // a Kafka Streams client of this JVM runs on this directory
        } catch (IOException e) {
            LOG.warn("{}: could not sweep uncheckpointed tasks ({}); Kafka Streams will wipe them itself", applicationId,
                    e.toString());
            return List.of();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
