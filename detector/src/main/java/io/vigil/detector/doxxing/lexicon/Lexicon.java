package io.vigil.detector.doxxing.lexicon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cue phrases of every configured language, loaded from YAML data files (one per language, bundled under
 * {@code doxxing/cues/<lang>.yaml}, plus any files a platform adds), compiled into one {@link PhraseMatcher}.
 *
 * <p>File format: {@code language: es}, then one key per {@link CueKind#yamlKey()}: a list of phrases, or for
 * {@code numberWords} and {@code months} a map from phrase to its number. A phrase starting with {@code *} may end
 * a longer word ("*straße" in "Hauptstraße"); one ending with {@code *} may begin a longer word.
 */
public final class Lexicon {

    public static final String BUNDLED_DIRECTORY = "doxxing/cues/";
    public static final List<String> BUNDLED_LANGUAGES =
            List.of("en", "es", "it", "pt", "fr", "de", "ru", "ms", "zh", "sw", "az", "ca");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<Phrase> phrases;
    private final PhraseMatcher matcher;
    private final Map<CueKind, Integer> counts;

    private Lexicon(List<Phrase> phrases) {
        Map<String, Phrase> unique = new LinkedHashMap<>();
        for (Phrase p : phrases) {
            unique.putIfAbsent(p.kind() + "\u0000" + p.text() + "\u0000" + p.value() + p.wordStart() + p.wordEnd(), p);
        }
        this.phrases = List.copyOf(unique.values());
        this.matcher = new PhraseMatcher(this.phrases);
        Map<CueKind, Integer> c = new EnumMap<>(CueKind.class);
        for (Phrase p : this.phrases) {
            c.merge(p.kind(), 1, Integer::sum);
        }
        this.counts = Collections.unmodifiableMap(c);
    }

    /** The bundled cue files of all bundled languages, plus the given extra files (a platform's extensions). */
    public static Lexicon load(List<Path> extraFiles) {
        List<Phrase> all = new ArrayList<>();
        for (String lang : BUNDLED_LANGUAGES) {
            String resource = BUNDLED_DIRECTORY + lang + ".yaml";
            try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("bundled cue file missing from the classpath: " + resource);
                }
                all.addAll(parse(YAML.readTree(in), resource));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled cue file " + resource, e);
            }
        }
        for (Path file : extraFiles) {
            try (InputStream in = Files.newInputStream(file)) {
                all.addAll(parse(YAML.readTree(in), file.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read cue file " + file, e);
            }
        }
        return new Lexicon(all);
    }

    public static Lexicon bundled() {
        return load(List.of());
    }

    static List<Phrase> parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("cue file " + source + " must be a YAML mapping");
        }
        JsonNode langNode = root.get("language");
        if (langNode == null || !langNode.isTextual() || langNode.asText().isBlank()) {
            throw new IllegalArgumentException("cue file " + source + " must name its language (language: xx)");
        }
        String language = langNode.asText();
        List<Phrase> out = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.equals("language")) {
                continue;
            }
            CueKind kind = kindOf(key, source);
            JsonNode node = root.get(key);
            if (node.isArray()) {
                for (JsonNode item : node) {
                    requireText(item, key, source);
                    out.add(phrase(item.asText(), kind, language, 0));
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> f = node.fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = f.next();
                    if (!e.getValue().canConvertToInt()) {
                        throw new IllegalArgumentException("cue file " + source + ": " + key + "." + e.getKey()
                                + " must be an integer");
                    }
                    out.add(phrase(e.getKey(), kind, language, e.getValue().asInt()));
                }
            } else if (!node.isNull()) {
                throw new IllegalArgumentException("cue file " + source + ": " + key + " must be a list or a mapping");
            }
        }
        return out;
    }

    private static CueKind kindOf(String key, String source) {
        for (CueKind k : CueKind.values()) {
            if (k.yamlKey().equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("cue file " + source + ": unknown key '" + key + "'");
    }

    private static void requireText(JsonNode item, String key, String source) {
        if (!item.isTextual() || item.asText().isBlank()) {
            throw new IllegalArgumentException("cue file " + source + ": entries of " + key + " must be non-empty strings");
        }
    }

    private static Phrase phrase(String raw, CueKind kind, String language, int value) {
        String s = raw.strip();
        boolean wordStart = true;
        boolean wordEnd = true;
        if (s.startsWith("*")) {
            wordStart = false;
            s = s.substring(1);
        }
        if (s.endsWith("*")) {
            wordEnd = false;
            s = s.substring(0, s.length() - 1);
        }
        return new Phrase(TextFolding.fold(s), kind, language, value, wordStart, wordEnd);
    }

    public List<PhraseHit> find(String folded) {
        return matcher.findAll(folded);
    }

    public List<Phrase> phrases() {
        return phrases;
    }

    public int count(CueKind kind) {
        return counts.getOrDefault(kind, 0);
    }
}
