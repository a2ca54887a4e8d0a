package io.vigil.runtime.nativelibs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class NativeLibraryDirectoryTest {

    @Test
    void theDirectoryOfADeadPidIsRemovedWhileALiveOneAndUnrelatedFilesAreKept(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve(NativeLibraryDirectory.ROOT_NAME);
        long deadPid = pidOfAFinishedProcess();
        long livePid = ProcessHandle.current().pid();
        Path dead = Files.createDirectories(root.resolve(Long.toString(deadPid)));
        Files.writeString(dead.resolve("librocksdbjni-linux64.so"), "left by a killed JVM");
        Path live = Files.createDirectories(root.resolve(Long.toString(livePid)));
        Files.writeString(live.resolve("librocksdbjni-linux64.so"), "in use");
        Path unrelatedDirectory = Files.createDirectories(root.resolve("notes"));
        Path fileNamedLikeADeadPid = Files.writeString(root.resolve(Long.toString(deadPid + 1)), "not a directory");
        Path besideTheRoot = Files.createDirectories(tmp.resolve(Long.toString(deadPid)));

        Path own = NativeLibraryDirectory.prepare(root, 4_194_305L, NativeLibraryDirectory::isAlive);

        assertThat(dead).doesNotExist();
        assertThat(live.resolve("librocksdbjni-linux64.so")).hasContent("in use");
        assertThat(unrelatedDirectory).isDirectory();
        assertThat(fileNamedLikeADeadPid).hasContent("not a directory");
        assertThat(besideTheRoot).isDirectory();
        assertThat(own).isEqualTo(root.resolve("4194305")).isDirectory();
    }

    @Test
    void aPidIsAliveWhileItsProcessRunsAndNotAfter() throws Exception {
        assertThat(NativeLibraryDirectory.isAlive(ProcessHandle.current().pid())).isTrue();
        assertThat(NativeLibraryDirectory.isAlive(pidOfAFinishedProcess())).isFalse();
    }

    @Test
    void aRootThatIsASymbolicLinkIsRefused(@TempDir Path tmp) throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path root = Files.createSymbolicLink(tmp.resolve(NativeLibraryDirectory.ROOT_NAME), elsewhere);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NativeLibraryDirectory.prepare(root, 1, pid -> true))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("symbolic link");
        assertThat(elsewhere).isEmptyDirectory();
    }

    /** A pid no process has now: that of a process that ran and was reaped (reuse within the test is negligible). */
    private static long pidOfAFinishedProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
