package io.vigil.ingest.telegram.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the {@code result.json} files of the exports a user names: the file itself, an export folder
 * ({@code ChatExport_<date>}, {@code DataExport_<date>}), or a folder holding several of them. Found files are sorted
 * by path, so that a replay of the same folders reads them in the same order.
 */
public final class ExportFiles {

    public static final String RESULT_JSON = "result.json";
    /** A folder of exports holds them one level down; a DataExport nests chats' media, never result.json, deeper. */
    private static final int SEARCH_DEPTH = 2;

    private ExportFiles() {
    }

    public static List<Path> find(List<Path> given) {
        List<Path> found = new ArrayList<>();
        for (Path path : given) {
            found.addAll(find(path));
        }
        return found.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    }

    public static List<Path> find(Path given) {
        if (Files.isRegularFile(given)) {
            return List.of(given);
        }
        if (!Files.isDirectory(given)) {
            throw new IllegalArgumentException(given + ": no such file or folder");
        }
        if (Files.isRegularFile(given.resolve(RESULT_JSON))) {
            return List.of(given.resolve(RESULT_JSON));
        }
        try (Stream<Path> walk = Files.walk(given, SEARCH_DEPTH)) {
            List<Path> files = walk.filter(p -> p.getFileName().toString().equals(RESULT_JSON) && Files.isRegularFile(p))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException(given + ": no Telegram export (result.json) in this folder or the folders in it");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + given, e);
        }
    }
}
