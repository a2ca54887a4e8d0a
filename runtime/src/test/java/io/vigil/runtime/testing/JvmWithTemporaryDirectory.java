package io.vigil.runtime.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of its own, running a main class of this test classpath with {@code java.io.tmpdir} set to a directory of the
 * test's, so that what it leaves in its temporary directory can be seen apart from every other JVM on the machine. Its
 * main prints {@code ready} once it is in the state the test inspects; {@link #kill()} is a SIGKILL.
 */
public final class JvmWithTemporaryDirectory implements AutoCloseable {

    private static final long READY_TIMEOUT_SECONDS = 120;

    private final Process process;
    private final List<String> linesBeforeReady;

    private JvmWithTemporaryDirectory(Process process, List<String> linesBeforeReady) {
        this.process = process;
        this.linesBeforeReady = linesBeforeReady;
    }

    public static JvmWithTemporaryDirectory startAndAwaitReady(Class<?> mainClass, Path temporaryDirectory, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + temporaryDirectory,
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> readUntilReady(process, lines));
        boolean wasReady;
        try {
            wasReady = ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            wasReady = false;
        }
        if (!wasReady) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(mainClass.getSimpleName() + " did not get ready; it printed:\n" + String.join("\n", lines));
        }
        return new JvmWithTemporaryDirectory(process, lines);
    }

    private static boolean readUntilReady(Process process, List<String> lines) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.equals("ready")) {
                    return true;
                }
                synchronized (lines) {
                    lines.add(line);
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    public long pid() {
        return process.pid();
    }

    public List<String> linesBeforeReady() {
        synchronized (linesBeforeReady) {
            return List.copyOf(linesBeforeReady);
        }
    }

    /** SIGKILL, as the OOM killer or a container stopped past its grace period does it: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
