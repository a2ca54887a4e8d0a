package io.vigil.enricher;

import io.vigil.enricher.policy.PolicyException;
import io.vigil.enricher.policy.PolicyParser;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.HttpSettings;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.config.ServiceConfig;
import io.vigil.runtime.config.Validatable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The enricher's configuration; defaults in enricher.yaml. */
public record EnricherConfig(KafkaSettings kafka, HttpSettings http, PolicySettings policy, Network network) implements ServiceConfig {

    @Override
    public List<String> problems() {
        return new Checks().nested(kafka, "kafka").nested(http, "http").nested(policy, "policy").nested(network, "network").problems();
    }

    /** @param file the scoring policy (YAML); empty for the built-in default */
    public record PolicySettings(String file) implements Validatable {
        @Override
        public List<String> problems() {
            try {
                PolicyParser.load(file);
                return List.of();
            } catch (PolicyException e) {
                return e.problems().stream().map(p -> "file: " + (file == null || file.isBlank() ? "(default) " : file + ": ") + p).toList();
            }
        }
    }

    /**
     * @param maxWaitMs             how long a message waits for the network memory before it is assessed without it
     * @param pdqMaxDistance        near-duplicates join a media cluster within this Hamming distance of its founder
     * @param pdqQualityFloor       images below this PDQ quality are clustered by exact hash only
     * @param matchDihedrals        also match the 7 rotated and mirrored variants
     * @param benignIdentifiersFile keyed hashes (64 hex digits per line, '#' comments) of identifiers that never link
     *                              cases: institutions' lines, helplines, the platform's own numbers
     * @param profileSketchChanges  sender-sketch changes after which a chat's profile is sent to lineage again
     */
    public record Network(long maxWaitMs, int pdqMaxDistance, int pdqQualityFloor, boolean matchDihedrals, String benignIdentifiersFile,
                          int profileSketchChanges) implements Validatable {

        private static final Pattern KEYED_HASH = Pattern.compile("[0-9a-f]{64}");

        @Override
        public List<String> problems() {
            Checks checks = new Checks().positive(maxWaitMs, "max-wait-ms")
                    .require(pdqMaxDistance >= 0 && pdqMaxDistance <= 64, "pdq-max-distance", "must be 0-64 (got " + pdqMaxDistance + ")")
                    .require(pdqQualityFloor >= 0 && pdqQualityFloor <= 100, "pdq-quality-floor", "must be 0-100 (got " + pdqQualityFloor + ")")
                    .positive(profileSketchChanges, "profile-sketch-changes");
            List<String> problems = new ArrayList<>(checks.problems());
            try {
                benignIdentifiers();
            } catch (IllegalArgumentException | UncheckedIOException e) {
                problems.add("benign-identifiers-file: " + e.getMessage());
            }
            return problems;
        }

        public PdqMatchPolicy matching() {
            return new PdqMatchPolicy(pdqMaxDistance, matchDihedrals, pdqQualityFloor);
        }

        public Set<String> benignIdentifiers() {
            Set<String> hashes = new LinkedHashSet<>();
            if (benignIdentifiersFile == null || benignIdentifiersFile.isBlank()) {
                return hashes;
            }
            Path path = Path.of(benignIdentifiersFile);
            try {
                List<String> lines = Files.readAllLines(path);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    if (!KEYED_HASH.matcher(line).matches()) {
                        throw new IllegalArgumentException("line " + (i + 1) + " is not a keyed hash (64 lower-case hex digits)");
                    }
                    hashes.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
            }
            return hashes;
        }
    }
}
