package io.vigil.runtime.nativelibs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where this JVM puts the native libraries that RocksDB and ONNX Runtime copy out of their jars: {@code
 * <java.io.tmpdir>/vigil-native/<pid>/}. Left to themselves, both loaders copy into a fresh temporary file per JVM and
 * delete it only on a clean exit, so every killed service (kill -9, the OOM killer, a container stopped past its grace
 * period, the fault tests) left 15-40 MB behind in the temporary directory. A directory named by the pid makes what a
 * dead JVM left recognisable: the first JVM to start afterwards removes the directories whose pid is no longer alive.
 * Nothing outside {@code vigil-native} is ever touched, nor anything in it that is not named by a pid. Liveness is judged
 * in this JVM's pid namespace: containers that share a temporary directory but not their pids could remove each other's
 * libraries, which costs a running JVM nothing (Linux keeps a mapped library until it is unmapped).
 */
public final class NativeLibraryDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraryDirectory.class);
    static final String ROOT_NAME = "vigil-native";
    private static final Pattern PID = Pattern.compile("[0-9]{1,19}");

    private static Path ofThisProcess;

    private NativeLibraryDirectory() {
    }

    /** This JVM's directory, created (after sweeping those of dead JVMs) on the first call. */
    public static synchronized Path ofThisProcess() throws IOException {
        if (ofThisProcess == null) {
            Path root = Path.of(System.getProperty("java.io.tmpdir"), ROOT_NAME);
            ofThisProcess = prepare(root, ProcessHandle.current().pid(), NativeLibraryDirectory::isAlive);
            // Registered before the libraries are copied in, so that on a clean exit it is deleted after them.
            ofThisProcess.toFile().deleteOnExit();
        }
        return ofThisProcess;
    }

    /** Sweeps the directories of dead pids under {@code root}, then creates {@code pid}'s own. */
    static Path prepare(Path root, long pid, LongPredicate alive) throws IOException {
        Files.createDirectories(root);
        if (Files.isSymbolicLink(root)) {
            // The temporary directory is shared: a link planted there must not decide where libraries are loaded from.
            throw new IOException(root + " is a symbolic link");
        }
        List<Path> removed = sweep(root, alive);
        if (!removed.isEmpty()) {
            LOG.info("removed the native libraries of {} JVMs that are no longer running, under {}", removed.size(), root);
        }
        return Files.createDirectories(root.resolve(Long.toString(pid)));
    }

    /** Removes the entries of {@code root} that are named by a pid for which {@code alive} is false; returns them. */
    static List<Path> sweep(Path root, LongPredicate alive) throws IOException {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (PID.matcher(name).matches() && Files.isDirectory(entry) && !alive.test(Long.parseLong(name))) {
                    try {
                        deleteRecursively(entry);
                        removed.add(entry);
                    } catch (IOException | UncheckedIOException e) {
                        // Another JVM may be sweeping the same directory; what is left goes at the next start.
                        LOG.warn("could not remove the native libraries of dead JVM {}: {}", name, e.toString());
                    }
                }
            }
        }
        return removed;
    }

    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(file);
                } catch (NoSuchFileException e) {
                    // already gone: another JVM swept it first
                }
            }
        } catch (NoSuchFileException e) {
            // already gone: another JVM swept it first
        }
    }
}
