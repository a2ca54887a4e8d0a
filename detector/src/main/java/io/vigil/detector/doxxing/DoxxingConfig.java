package io.vigil.detector.doxxing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigil.detector.doxxing.privacy.KeyedHasher;
import io.vigil.detector.doxxing.scoring.ScoringWeights;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration of the doxxing detector: the deployment's HMAC secret (never in a file of this project), the
 * decision threshold, the scoring weights, the image window and the phone fallback regions. The YAML format is that
 * of the bundled {@code doxxing/detector.yaml}; every value is validated with a message naming the key.
 */
public final class DoxxingConfig {

    public static final String BUNDLED_RESOURCE = "doxxing/detector.yaml";

    private final byte[] hmacSecret;
    private final double threshold;
    private final Duration imageWindow;
    private final List<String> fallbackRegions;
    private final List<Path> extraCueFiles;
    private final ScoringWeights weights;
    private final Map<String, List<String>> languageRegions;

    public DoxxingConfig(byte[] hmacSecret, double threshold, Duration imageWindow, List<String> fallbackRegions,
                         List<Path> extraCueFiles, ScoringWeights weights) {
        this(hmacSecret, threshold, imageWindow, fallbackRegions, Map.of(), extraCueFiles, weights);
    }

    public DoxxingConfig(byte[] hmacSecret, double threshold, Duration imageWindow, List<String> fallbackRegions,
                         Map<String, List<String>> languageRegions, List<Path> extraCueFiles, ScoringWeights weights) {
        if (hmacSecret == null || hmacSecret.length < KeyedHasher.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("doxxing.hmacSecret must be at least " + KeyedHasher.MIN_SECRET_BYTES + " bytes");
        }
        if (!(threshold > 0.0 && threshold < 1.0)) {
            throw new IllegalArgumentException("doxxing.threshold must be in (0,1), got " + threshold);
        }
        if (imageWindow == null || imageWindow.isNegative() || imageWindow.isZero()) {
            throw new IllegalArgumentException("doxxing.imageWindow must be a positive ISO-8601 duration");
        }
        for (String r : fallbackRegions) {
            if (r == null || !r.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("doxxing.fallbackRegions entries must be ISO 3166 alpha-2 codes, got " + r);
            }
        }
        for (Map.Entry<String, List<String>> e : languageRegions.entrySet()) {
            for (String r : e.getValue()) {
                if (r == null || !r.matches("[A-Z]{2}")) {
                    throw new IllegalArgumentException("doxxing.languageRegions." + e.getKey()
                            + " entries must be ISO 3166 alpha-2 codes, got " + r);
                }
            }
        }
        this.languageRegions = Map.copyOf(languageRegions);
        this.hmacSecret = hmacSecret.clone();
        this.threshold = threshold;
        this.imageWindow = imageWindow;
        this.fallbackRegions = List.copyOf(fallbackRegions);
        this.extraCueFiles = List.copyOf(extraCueFiles);
        this.weights = weights;
    }

    /** The bundled configuration with the given secret. */
    public static DoxxingConfig defaults(byte[] hmacSecret) {
        try (InputStream in = DoxxingConfig.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing from the classpath: " + BUNDLED_RESOURCE);
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in), hmacSecret, BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
        }
    }

    /** A configuration file in the bundled format; keys it leaves out keep their bundled values. */
    public static DoxxingConfig load(Path yaml, byte[] hmacSecret) {
        try (InputStream in = Files.newInputStream(yaml);
             InputStream base = DoxxingConfig.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
            JsonNode merged = mapper.readerForUpdating(mapper.readTree(base)).readValue(in);
            return parse(merged, hmacSecret, yaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read doxxing configuration " + yaml, e);
        }
    }

    static DoxxingConfig parse(JsonNode root, byte[] secret, String source) {
        double threshold = number(root, "threshold", source);
        Duration window;
        try {
            window = Duration.parse(text(root, "imageWindow", source));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(source + ": imageWindow must be an ISO-8601 duration such as PT10M");
        }
        List<String> regions = new ArrayList<>();
        for (JsonNode n : array(root, "fallbackRegions", source)) {
            regions.add(n.asText());
        }
        Map<String, List<String>> languageRegions = new java.util.LinkedHashMap<>();
        JsonNode lr = root.get("languageRegions");
        if (lr != null && !lr.isNull()) {
            if (!lr.isObject()) {
                throw new IllegalArgumentException(source + ": 'languageRegions' must map a language to a list of regions");
            }
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = lr.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> rs = new ArrayList<>();
                for (JsonNode n : array(lr, e.getKey(), source + " languageRegions")) {
                    rs.add(n.asText());
                }
                languageRegions.put(e.getKey(), rs);
            }
        }
        List<Path> extra = new ArrayList<>();
        for (JsonNode n : array(root, "extraCueFiles", source)) {
            extra.add(Path.of(n.asText()));
        }
        JsonNode w = root.get("weights");
        if (w == null || !w.isObject()) {
            throw new IllegalArgumentException(source + ": 'weights' must be a mapping");
        }
        JsonNode e = w.get("entity");
        if (e == null || !e.isObject()) {
            throw new IllegalArgumentException(source + ": 'weights.entity' must map every entity type to a weight");
        }
        Map<EntityType, Double> entity = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            entity.put(t, number(e, t.name(), source + " weights.entity"));
        }
        String ws = source + " weights";
        ScoringWeights weights = new ScoringWeights(number(w, "bias", ws), entity, number(w, "additionalEntity", ws),
                (int) number(w, "maxAdditional", ws), number(w, "targeting", ws), number(w, "incitement", ws),
                number(w, "relatives", ws), number(w, "derogatory", ws), number(w, "thirdPerson", ws),
                number(w, "followsImage", ws), number(w, "list", ws), number(w, "firstPerson", ws), number(w, "selfContact", ws),
                number(w, "business", ws), number(w, "institution", ws), number(w, "news", ws), number(w, "price", ws),
                number(w, "quasiIdentifierTied", ws), number(w, "previousMessage", ws), number(w, "publicEntity", ws),
                number(w, "singleQuasiIdentifier", ws));
        return new DoxxingConfig(secret, threshold, window, regions, languageRegions, extra, weights);
    }

    private static double number(JsonNode node, String key, String source) {
        JsonNode v = node.get(key);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(source + ": '" + key + "' must be a number");
        }
        return v.asDouble();
    }

    private static String text(JsonNode node, String key, String source) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(source + ": '" + key + "' must be a string");
        }
        return v.asText();
    }

    private static JsonNode array(JsonNode node, String key, String source) {
        JsonNode v = node.get(key);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(source + ": '" + key + "' must be a list");
        }
        return v;
    }

    public DoxxingConfig withThreshold(double newThreshold) {
        return new DoxxingConfig(hmacSecret, newThreshold, imageWindow, fallbackRegions, languageRegions, extraCueFiles, weights);
    }

    public DoxxingConfig withWeights(ScoringWeights newWeights) {
        return new DoxxingConfig(hmacSecret, threshold, imageWindow, fallbackRegions, languageRegions, extraCueFiles, newWeights);
    }

    byte[] hmacSecret() {
        return hmacSecret.clone();
    }

    public double threshold() {
        return threshold;
    }

    /** For the pipeline: a message counts as following an image sent at most this long before it. */
    public Duration imageWindow() {
        return imageWindow;
    }

    /** Whether a message sent at {@code messageAtMillis} follows an image sent at {@code imageAtMillis} by the same sender. */
    public boolean followsImage(long imageAtMillis, long messageAtMillis) {
        long gap = messageAtMillis - imageAtMillis;
        return gap >= 0 && gap <= imageWindow.toMillis();
    }

    public List<String> fallbackRegions() {
        return fallbackRegions;
    }

    /** Without a country hint, the regions whose phone numbers a message in each language may carry. */
    public Map<String, List<String>> languageRegions() {
        return languageRegions;
    }

    public List<Path> extraCueFiles() {
        return extraCueFiles;
    }

    public ScoringWeights weights() {
        return weights;
    }

    @Override
    public String toString() {
        return "DoxxingConfig[threshold=" + threshold + ", imageWindow=" + imageWindow + ", fallbackRegions="
                + fallbackRegions + ", extraCueFiles=" + extraCueFiles + ", weights=" + weights + ", hmacSecret=<redacted>]";
    }
}
