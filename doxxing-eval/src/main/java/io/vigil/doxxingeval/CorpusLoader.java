package io.vigil.doxxingeval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.detector.doxxing.EntityType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the labelled doxxing corpus: JSON lines {@code {"id","lang","country","split","doxxing","afterImage",
 * "category","text"}} where entities are marked inline as {@code ⟦TYPE|surface⟧} (U+27E6, U+27E7), with the
 * optional {@code "previous"} (the same sender's message just before: a string, or an object with a {@code text})
 * and {@code "kind"} (the error kind a message was written for); {@code "country": null} is a message without a
 * country hint. The markup is stripped and each entity's offsets are computed in the plain text. Malformed lines
 * fail loudly with file and line.
 */
public final class CorpusLoader {

    public static final char OPEN = '\u27E6';
    public static final char CLOSE = '\u27E7';

    private final ObjectMapper json = new ObjectMapper();

    /** Every {@code *.jsonl} file under {@code directory}, in name order, or the single file given. */
    public List<LabelledMessage> load(Path path) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.walk(path)) {
                s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().forEach(files::add);
            }
        } else {
            files.add(path);
        }
        List<LabelledMessage> out = new ArrayList<>();
        for (Path f : files) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                out.addAll(read(r, f.toString()));
            }
        }
        return out;
    }

    public List<LabelledMessage> read(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<LabelledMessage> out = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(parseLine(line));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + number + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    LabelledMessage parseLine(String line) throws IOException {
        JsonNode n = json.readTree(line);
        String id = required(n, "id");
        String marked = required(n, "text");
        List<LabelledMessage.GoldSpan> spans = new ArrayList<>();
        String plain = strip(marked, spans);
        JsonNode country = n.get("country");
        if (country != null && !country.isNull() && !country.isTextual()) {
            throw new IllegalArgumentException("field 'country' must be a string or null");
        }
        String previous = "";
        JsonNode prev = n.get("previous");
        if (prev != null && !prev.isNull()) {
            JsonNode prevText = prev.isObject() ? prev.get("text") : prev;
            if (prevText == null || !prevText.isTextual()) {
                throw new IllegalArgumentException("field 'previous' must be a string, an object with a 'text', or null");
            }
            previous = strip(prevText.asText(), new ArrayList<>());
        }
        String kind = n.hasNonNull("kind") ? n.get("kind").asText() : n.path("errorKind").asText("");
        return new LabelledMessage(id, required(n, "lang"), country == null || country.isNull() ? "" : country.asText(),
                required(n, "split"), bool(n, "doxxing"), n.path("afterImage").asBoolean(false),
                n.path("category").asText(""), kind, previous, plain, spans);
    }

    /** Removes the ⟦TYPE|surface⟧ markup from {@code marked}, appending one gold span per entity to {@code spans}. */
    public static String strip(String marked, List<LabelledMessage.GoldSpan> spans) {
        StringBuilder plain = new StringBuilder(marked.length());
        int i = 0;
        while (i < marked.length()) {
            char c = marked.charAt(i);
            if (c == CLOSE) {
                throw new IllegalArgumentException("entity markup closes at char " + i + " without opening");
            }
            if (c != OPEN) {
                plain.append(c);
                i++;
                continue;
            }
            int bar = marked.indexOf('|', i);
            int close = marked.indexOf(CLOSE, i);
            int nextOpen = marked.indexOf(OPEN, i + 1);
            if (bar < 0 || close < 0 || bar > close || (nextOpen >= 0 && nextOpen < close)) {
                throw new IllegalArgumentException("malformed entity markup at char " + i);
            }
            String type = marked.substring(i + 1, bar).trim();
            EntityType entityType;
            try {
                entityType = EntityType.valueOf(type);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown entity type '" + type + "' at char " + i);
            }
            String surface = marked.substring(bar + 1, close);
            if (surface.isEmpty()) {
                throw new IllegalArgumentException("empty entity at char " + i);
            }
            int start = plain.length();
            plain.append(surface);
            spans.add(new LabelledMessage.GoldSpan(entityType, start, plain.length()));
            i = close + 1;
        }
        return plain.toString();
    }

    private static String required(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("field '" + key + "' must be a non-empty string");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isBoolean()) {
            throw new IllegalArgumentException("field '" + key + "' must be true or false");
        }
        return v.asBoolean();
    }
}
