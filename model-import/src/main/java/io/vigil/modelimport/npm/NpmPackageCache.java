package io.vigil.modelimport.npm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Obtains pinned npm package tarballs with the npm client ({@code npm pack name@version}) and keeps them in a
 * cache keyed by their integrity hash, so a rebuild (even after {@code mvn clean}) needs neither npm nor the network.
 * A tarball is only ever placed in the cache after its integrity matched the pin.
 */
public final class NpmPackageCache {

    private static final long NPM_TIMEOUT_MINUTES = 10;

    private final Path cacheDir;
    private final String npmCommand;
    private final Consumer<String> log;

    public NpmPackageCache(Path cacheDir, String npmCommand, Consumer<String> log) {
        this.cacheDir = cacheDir;
        this.npmCommand = npmCommand;
        this.log = log;
    }

    /** The verified tarball of {@code pkg}: from the cache, else fetched with npm and verified first. */
    public Path obtain(PinnedNpmPackage pkg) {
        Path entry = cacheDir.resolve("npm").resolve(pkg.name().replace('/', '+') + "@" + pkg.version() + "-" + pkg.integrity().shortHex());
        Path tarball = entry.resolve(pkg.tarballFileName());
        if (Files.isRegularFile(tarball)) {
            if (pkg.integrity().matches(tarball)) {
                log.accept("using cached " + pkg.spec() + " (" + tarball + ")");
                return tarball;
            }
            log.accept("cached " + tarball + " fails its integrity check; fetching it again");
        }
        try {
            Files.createDirectories(entry);
            Path staging = Files.createTempDirectory(entry, "fetch-");
            try {
                Path fetched = npmPack(pkg, staging);
                Integrity actual = Integrity.of(pkg.integrity().algorithm(), fetched);
                if (!actual.equals(pkg.integrity())) {
                    throw new IllegalStateException("integrity check failed for " + pkg.spec() + ": pinned " + pkg.integrity()
                            + " but npm delivered " + actual + "; refusing to use it");
                }
                moveIntoPlace(fetched, tarball);
                log.accept("fetched and verified " + pkg.spec() + " (" + pkg.integrity() + ")");
                return tarball;
            } finally {
                deleteRecursively(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fill the package cache at " + entry, e);
        }
    }

    private Path npmPack(PinnedNpmPackage pkg, Path destination) throws IOException {
        List<String> command = new ArrayList<>(List.of(npmCommand, "pack", pkg.spec(), "--pack-destination", destination.toString(),
                "--ignore-scripts", "--no-fund", "--no-audit", "--loglevel=error"));
        log.accept("running: " + String.join(" ", command));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(destination.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("the npm client ('" + npmCommand + "') is needed to fetch " + pkg.spec()
                    + " but could not be started (" + e.getMessage() + "). Install Node.js 18+ with npm, or set the npm "
                    + "command with -Dvigil.npm=/path/to/npm, or point -Dvigil.models.tarball at a copy of " + pkg.tarballFileName(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("npm pack " + pkg.spec() + " did not finish in " + NPM_TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running npm pack", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("npm pack " + pkg.spec() + " failed with exit code " + process.exitValue() + ":\n" + output.strip());
        }
        Path tarball = destination.resolve(pkg.tarballFileName());
        if (!Files.isRegularFile(tarball)) {
            throw new IllegalStateException("npm pack " + pkg.spec() + " did not write " + tarball + "; it said:\n" + output.strip());
        }
        return tarball;
    }

    private static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
