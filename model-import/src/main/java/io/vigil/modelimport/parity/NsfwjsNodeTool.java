package io.vigil.modelimport.parity;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The project's Node tool that runs NSFWJS itself ({@code tools/nsfwjs-parity}: scripts plus a pinned
 * package-lock): found from any module folder, its dependencies installed with {@code npm ci} on first use, and its
 * scripts run with {@code node}. The parity test and the benchmark both compare Vigil against it.
 */
public final class NsfwjsNodeTool {

    /** Where the tool lives, relative to the repository root. */
    public static final String TOOL_PATH = "tools/nsfwjs-parity";
    private static final long NPM_CI_TIMEOUT_MINUTES = 10;

    private final Path toolDir;
    private final String node;
    private final String npm;

    private NsfwjsNodeTool(Path toolDir, String node, String npm) {
        this.toolDir = toolDir;
        this.node = node;
        this.npm = npm;
    }

    /**
     * The tool, when the repository folder holding it is found above {@code start} and {@code node} runs;
     * otherwise empty with the reason in {@code whyNot}. The commands are {@code node} and {@code npm} from the
     * PATH unless VIGIL_NODE / VIGIL_NPM name others.
     */
    public static Optional<NsfwjsNodeTool> locate(Path start, StringBuilder whyNot) {
        Path toolDir = null;
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(TOOL_PATH).resolve("package-lock.json"))) {
                toolDir = dir.resolve(TOOL_PATH);
                break;
            }
        }
        if (toolDir == null) {
            whyNot.append(TOOL_PATH + " was not found above " + start.toAbsolutePath());
            return Optional.empty();
        }
        String node = envOr("VIGIL_NODE", "node");
        String npm = envOr("VIGIL_NPM", "npm");
        try {
            String version = run(List.of(node, "--version"), toolDir, 1).strip();
            if (!version.matches("v(1[89]|[2-9]\\d)\\..*")) {
                whyNot.append("node " + version + " is too old (the tool needs Node.js 18 or newer)");
                return Optional.empty();
            }
        } catch (IllegalStateException e) {
            whyNot.append("node is not available (" + e.getMessage() + ")");
            return Optional.empty();
        }
        return Optional.of(new NsfwjsNodeTool(toolDir, node, npm));
    }

    public Path directory() {
        return toolDir;
    }

    /** Installs the pinned dependencies with {@code npm ci} unless the installed tree already matches the lock file. */
    public void ensureInstalled() {
        Path installedLock = toolDir.resolve("node_modules/.package-lock.json");
        try {
            if (Files.isRegularFile(installedLock)
                    && Files.getLastModifiedTime(installedLock).compareTo(Files.getLastModifiedTime(toolDir.resolve("package-lock.json"))) >= 0
                    && Files.isDirectory(toolDir.resolve("node_modules/nsfwjs"))) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of(npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"), toolDir, NPM_CI_TIMEOUT_MINUTES);
    }

    /** Runs {@code node script args...} in the tool folder and returns what it printed. */
    public String runScript(String script, List<String> args, long timeoutMinutes) {
        List<String> command = new ArrayList<>(List.of(node, script));
        command.addAll(args);
        return run(command, toolDir, timeoutMinutes);
    }

    private static String run(List<String> command, Path dir, long timeoutMinutes) {
        Process process;
        try {
            File output = File.createTempFile("nsfwjs-tool", ".log");
            output.deleteOnExit();
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output).start();
            boolean finished = process.waitFor(timeoutMinutes, TimeUnit.MINUTES);
            String printed = Files.readString(output.toPath(), StandardCharsets.UTF_8);
            Files.deleteIfExists(output.toPath());
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutMinutes + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + process.exitValue() + ":\n" + printed.strip());
            }
            return printed;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
