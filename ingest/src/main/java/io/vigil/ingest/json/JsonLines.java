package io.vigil.ingest.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file of JSON lines (the groups file, a backtest's results), read a line at a time so a large file never sits in
 * memory whole. Blank lines are passed over; every other line reaches the reader with its number, so whoever reads it
 * can report a problem by line.
 */
public final class JsonLines {

    /** One non-blank line: its number in the file (from 1) and its value, {@code null} where the line is not JSON. */
    public record Line(int number, JsonNode value) {
        public boolean isJson() {
            return value != null;
        }
    }

    @FunctionalInterface
    public interface Reader {
        void line(Line line) throws IOException;
    }

    private JsonLines() {
    }

    public static void read(Path file, ObjectMapper json, Reader reader) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = lines.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode value;
                try {
                    value = json.readTree(text);
                } catch (JsonProcessingException e) {
                    value = null;
                }
                reader.line(new Line(number, value));
            }
        }
    }
}
