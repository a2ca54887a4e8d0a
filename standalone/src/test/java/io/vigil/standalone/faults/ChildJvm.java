package io.vigil.standalone.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM of its own running a main class of this test classpath, logging to a file, that can be killed with SIGKILL. */
final class ChildJvm {

    private final String name;
    private final Path log;
    private final Process process;

    private ChildJvm(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    static ChildJvm start(String name, Path logDir, String heap, String mainClass, List<String> args) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + "-" + System.currentTimeMillis() + ".log");
            List<String> command = new ArrayList<>(jvm(heap));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
            command.addAll(args);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ChildJvm(name, log, process);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    /**
     * By default the child JVMs run C1 only with the serial collector: on the 2-core CI machine, three brokers and two
     * instances of each service started with the JVM's own compilers did not all reach their first log line within the
     * cluster test's limits (issue-13-recovery5, load 17-47). {@code -Dvigil.faults.launcher-flags=true} runs them as the
     * {@code vigil} launcher and the images run a service (only the heap set), which is what a deployment's recovery
     * figures are: docs/benchmarks.md, "Round five on issue-13-recovery5", gives both.
     */
    private static List<String> jvm(String heap) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        if (Boolean.getBoolean("vigil.faults.launcher-flags")) {
            return List.of(java, "-Xmx" + heap);
        }
        return List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    /**
     * Seconds a bare {@code java -version} of the same JVM takes now: what the machine's load alone does to a JVM's start,
     * printed next to each restart's figure.
     */
    static double bareStartSeconds() {
        List<String> command = new ArrayList<>(jvm("64m"));
        command.add("-version");
        long started = System.nanoTime();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start java -version", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no commit, no goodbye to the group. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: the shutdown hook runs, as on a rolling restart or a scale-in. */
    void stop() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
