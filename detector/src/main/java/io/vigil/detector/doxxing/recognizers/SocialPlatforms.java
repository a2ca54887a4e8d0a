package io.vigil.detector.doxxing.recognizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigil.detector.doxxing.lexicon.TextFolding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Social platforms, their profile-link domains and the labels that announce a handle, from {@code social-platforms.yaml}. */
public record SocialPlatforms(List<Platform> platforms) {

    public static final String BUNDLED_RESOURCE = "doxxing/social-platforms.yaml";

    /** One platform. A label ending with ':' only counts when a colon follows it. */
    public record Platform(String name, List<String> domains, List<String> labels) {
    }

    public SocialPlatforms {
        platforms = List.copyOf(platforms);
    }

    public static SocialPlatforms bundled() {
        try (InputStream in = SocialPlatforms.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing from the classpath: " + BUNDLED_RESOURCE);
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_RESOURCE, e);
        }
    }

    static SocialPlatforms parse(JsonNode root) {
        JsonNode node = root == null ? null : root.get("platforms");
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(BUNDLED_RESOURCE + " must have a 'platforms' mapping");
        }
        List<Platform> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(new Platform(e.getKey(), strings(e.getValue().get("domains")), strings(e.getValue().get("labels"))));
        }
        return new SocialPlatforms(out);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (JsonNode n : array) {
                out.add(TextFolding.fold(n.asText().strip()));
            }
        }
        return out;
    }
}
