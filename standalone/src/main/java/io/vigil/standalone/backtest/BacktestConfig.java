package io.vigil.standalone.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigil.standalone.Pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A backtest's configuration: the enricher's scoring policy ({@code --policy FILE}, rules in YAML), one YAML file with
 * a section per service, each as that service's {@code --config} takes it, and {@code --set service.key=value}
 * settings:
 * <pre>
 * enricher:
 *   network: {max-wait-ms: 60000}
 * sink:
 *   routing: ...
 * </pre>
 * The backtest runs its own cluster and ports, so the kafka and http sections are its own and refused here.
 */
public final class BacktestConfig {

    static final Set<String> SERVICES = Set.of("detector", "enricher", "sink");
    private static final Set<String> RESERVED = Set.of("kafka", "http");
    /** The enricher's setting that names its policy file. */
    static final String POLICY_FILE = "policy.file";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private BacktestConfig() {
    }

    /** The service files written under {@code dir} and the settings, for {@link Pipeline#start(Pipeline.Settings, Pipeline.ServiceOverrides)}. */
    public static Pipeline.ServiceOverrides overrides(Path policy, Path file, Map<String, String> settings, Path dir) throws IOException {
        Map<String, Path> files = new HashMap<>();
        if (file != null) {
            JsonNode root = YAML.readTree(file.toFile());
            if (root != null && !root.isNull() && !root.isMissingNode()) {
                if (!root.isObject()) {
                    throw new IllegalArgumentException(file + ": the top level must map detector, enricher or sink to their settings");
                }
                for (Map.Entry<String, JsonNode> section : root.properties()) {
                    if (!SERVICES.contains(section.getKey())) {
                        throw new IllegalArgumentException(file + ": unknown section '" + section.getKey() + "' (detector, enricher or sink)");
                    }
                    section.getValue().fieldNames().forEachRemaining(key -> refuseReserved(section.getKey() + "." + key));
                    Path serviceFile = Files.createDirectories(dir).resolve(section.getKey() + ".yaml");
                    YAML.writeValue(serviceFile.toFile(), section.getValue());
                    files.put(section.getKey(), serviceFile);
                }
            }
        }
        Map<String, Map<String, String>> byService = new LinkedHashMap<>();
        if (policy != null) {
            byService.computeIfAbsent("enricher", s -> new LinkedHashMap<>()).put(POLICY_FILE, policy.toAbsolutePath().toString());
        }
        settings.forEach((key, value) -> {
            int dot = key.indexOf('.');
            String service = dot < 0 ? key : key.substring(0, dot);
            if (dot < 0 || !SERVICES.contains(service)) {
                throw new IllegalArgumentException("--set " + key + ": name the service first, e.g. --set enricher.network.max-wait-ms=60000");
            }
            refuseReserved(key);
            byService.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(key.substring(dot + 1), value);
        });
        return new Pipeline.ServiceOverrides(files, byService);
    }

    private static void refuseReserved(String serviceKey) {
        String[] parts = serviceKey.split("\\.");
        if (parts.length > 1 && RESERVED.contains(parts[1])) {
            throw new IllegalArgumentException(serviceKey + ": the backtest runs its own cluster and ports; "
                    + String.join(" and ", List.copyOf(RESERVED)) + " settings are its own");
        }
    }
}
