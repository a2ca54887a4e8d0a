package io.vigil.runtime.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a service's configuration in layers, each overriding the one before: the defaults shipped in the service's
 * jar ({@code /<service>.yaml}), an optional YAML file, environment variables, then explicit overrides (command-line
 * options). Keys are kebab-case; the environment variable for {@code kafka.bootstrap-servers} is
 * {@code VIGIL_KAFKA_BOOTSTRAP_SERVERS}. Only keys that exist in the defaults can be set from the environment, so a
 * typo in a variable name is not silently ignored: a variable that names a section of the service
 * ({@code VIGIL_KAFKA_...}) but none of its settings is reported. The result is bound
 * to a record and validated; every problem is reported at once.
 */
public final class ConfigLoader {

    public static final String ENV_PREFIX = "VIGIL_";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .findAndRegisterModules();

    private final String service;
    private Optional<Path> file = Optional.empty();
    private Map<String, String> environment = System.getenv();
    private boolean strictEnvironment = true;
    private final List<Map.Entry<String, String>> overrides = new ArrayList<>();

    private ConfigLoader(String service) {
        this.service = service;
    }

    /** A loader for the service whose defaults are the classpath resource {@code /<service>.yaml}. */
    public static ConfigLoader forService(String service) {
        return new ConfigLoader(service);
    }

    public ConfigLoader file(Path path) {
        this.file = Optional.ofNullable(path);
        return this;
    }

    public ConfigLoader environment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
        return this;
    }

    /**
     * Whether a variable that names a section but no setting is an error (the default: a service alone in its
     * container) or is ignored (several services in one process share one environment, as in the embedded demo).
     */
    public ConfigLoader strictEnvironment(boolean strict) {
        this.strictEnvironment = strict;
        return this;
    }

    /** Sets one key, e.g. {@code override("kafka.bootstrap-servers", "broker:9092")}; applied last. */
    public ConfigLoader override(String dottedPath, String value) {
        overrides.add(Map.entry(dottedPath, value));
        return this;
    }

    public <T extends Validatable> T load(Class<T> type) {
        ObjectNode tree = defaults();
        List<String> problems = new ArrayList<>();
        file.ifPresent(path -> merge(tree, readFile(path)));
        applyEnvironment(tree, problems);
        for (Map.Entry<String, String> override : overrides) {
            if (!set(tree, override.getKey(), override.getValue())) {
                problems.add(override.getKey() + ": no such setting");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source(), problems);
        }
        T config;
        try {
            config = YAML.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(source(), List.of(path(e.getPath()) + ": unknown setting (known here: "
                    + e.getKnownPropertyIds() + ")"));
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new ConfigException(source(), List.of(path(e.getPath()) + ": " + e.getOriginalMessage()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException(source(), List.of(e.getOriginalMessage()));
        }
        List<String> invalid = config.problems();
        if (!invalid.isEmpty()) {
            throw new ConfigException(source(), invalid);
        }
        return config;
    }

    private String source() {
        return service + " defaults" + file.map(f -> ", " + f).orElse("") + ", environment, options";
    }

    private ObjectNode defaults() {
        String resource = "/" + service + ".yaml";
        try (InputStream in = ConfigLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing default configuration " + resource + " on the classpath");
            }
            return asObject(YAML.readTree(in), resource);
        } catch (IOException e) {
            throw new ConfigException(resource, List.of(e.getMessage()));
        }
    }

    private static ObjectNode readFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(path.toString(), List.of("file not found"));
        }
        try {
            return asObject(YAML.readTree(path.toFile()), path.toString());
        } catch (IOException e) {
            throw new ConfigException(path.toString(), List.of("not valid YAML: " + e.getMessage()));
        }
    }

    private static ObjectNode asObject(JsonNode node, String source) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new ConfigException(source, List.of("top level must be a mapping"));
        }
        return (ObjectNode) node;
    }

    private static void merge(ObjectNode target, ObjectNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode overlayObject) {
                merge(existingObject, overlayObject);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private void applyEnvironment(ObjectNode tree, List<String> problems) {
        Map<String, String> known = new java.util.HashMap<>();
        collectLeafPaths(tree, "", known);
        List<String> sections = new ArrayList<>();
        tree.fieldNames().forEachRemaining(section -> sections.add(envName(section) + "_"));
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String path = known.get(variable.getKey());
            if (path != null) {
                set(tree, path, variable.getValue());
            } else if (strictEnvironment && sections.stream().anyMatch(variable.getKey()::startsWith)) {
                // Names a section of this service but no setting in it: a typo that would otherwise pass unnoticed.
                // Other VIGIL_ variables (VIGIL_JAVA_OPTS for the launcher, say) are not settings and are left alone.
                problems.add("environment variable " + variable.getKey() + ": matches no setting of " + service);
            }
        }
    }

    private static void collectLeafPaths(JsonNode node, String prefix, Map<String, String> envToPath) {
        if (node instanceof ObjectNode object && !object.isEmpty()) {
            object.fields().forEachRemaining(f ->
                    collectLeafPaths(f.getValue(), prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), envToPath));
        } else {
            envToPath.put(envName(prefix), prefix);
        }
    }

    /** The environment variable that sets a dotted kebab-case path. */
    public static String envName(String dottedPath) {
        return ENV_PREFIX + dottedPath.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** Sets a leaf; a list-valued default takes a comma-separated value. Returns false if the parent is not a mapping. */
    private static boolean set(ObjectNode tree, String dottedPath, String value) {
        String[] parts = dottedPath.split("\\.");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (child == null) {
                child = parent.putObject(parts[i]);
            }
            if (!(child instanceof ObjectNode childObject)) {
                return false;
            }
            parent = childObject;
        }
        String leaf = parts[parts.length - 1];
        if (parent.get(leaf) instanceof ArrayNode) {
            ArrayNode list = parent.putArray(leaf);
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    list.add(item.strip());
                }
            }
        } else {
            parent.set(leaf, TextNode.valueOf(value));
        }
        return true;
    }

    private static String path(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (var reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
