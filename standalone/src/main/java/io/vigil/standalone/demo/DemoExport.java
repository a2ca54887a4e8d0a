package io.vigil.standalone.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's synthetic Telegram export, shipped as Telegram Desktop writes one (written by
 * {@code tools/demo-export/generate.py}): a public channel that posts a picture first, a public group where it is
 * forwarded and re-uploaded beside a made-up person's number in several notations, the re-creation of a group taken
 * down for it (same owner, admin and avatar, a near title, a pinned invite link), that group's own history in a full
 * data export, and a benign market group. Its pictures are drawn at start ({@link DemoImages#named}), benign
 * gradients and shapes; every name, id and number in it is invented.
 */
public final class DemoExport {

    static final String RESOURCES = "/demo/telegram/";
    static final List<String> RESULT_FILES = List.of(
            "ChatExport_2026-01-16_canal/result.json",
            "ChatExport_2026-01-16_quedadas/result.json",
            "ChatExport_2026-01-17_tertulia-nocturna/result.json",
            "DataExport_2026-01-18/result.json");
    static final String GROUPS = "groups.jsonl";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private DemoExport() {
    }

    /** Writes the export, its pictures and its groups file under {@code dir}; returns {@code dir}. */
    public static Path writeTo(Path dir) {
        try {
            for (String file : RESULT_FILES) {
                copy(file, dir.resolve(file));
            }
            copy(GROUPS, dir.resolve(GROUPS));
            for (Map.Entry<String, String> picture : pictures().entrySet()) {
                Path target = dir.resolve(picture.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, DemoImages.named(picture.getValue(), WIDTH, HEIGHT).bytes());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo export under " + dir, e);
        }
    }

    /** The pictures by their path in the export, as images.tsv lists them. */
    static Map<String, String> pictures() throws IOException {
        Map<String, String> pictures = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(resource("images.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                pictures.put(columns[0], columns[1]);
            }
        }
        return pictures;
    }

    /** The folders to replay: every export of the demo. */
    public static List<Path> exports(Path dir) {
        List<Path> exports = new ArrayList<>();
        RESULT_FILES.forEach(file -> exports.add(dir.resolve(file).getParent()));
        return exports;
    }

    public static Path groups(Path dir) {
        return dir.resolve(GROUPS);
    }

    private static void copy(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = resource(resource)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DemoExport.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IOException("the demo export's " + name + " is missing from the build");
        }
        return in;
    }
}
