package io.vigil.schemas.serde;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evolution rules of docs/contracts.md, checked for every contract: each released version is kept, the current
 * schema reads data written with every earlier one, and no field is ever removed or renamed.
 */
class SchemaEvolutionTest {

    @TestFactory
    Stream<DynamicTest> currentSchemaIsReleased() {
        return Contracts.ALL.stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> {
            Schema current = schemaOf(type);
            List<Schema> released = SchemaHistory.releasedVersions(current.getName());
            int next = released.size() + 1;
            boolean isLatest = !released.isEmpty()
                    && SchemaHistory.fingerprint(released.get(released.size() - 1)) == SchemaHistory.fingerprint(current);
            if (!isLatest) {
                Path candidate = Path.of("target", "avro-history-candidates", current.getName(), "v" + next + ".avsc");
                Files.createDirectories(candidate.getParent());
                Files.writeString(candidate, current.toString(true) + "\n");
            }
            assertThat(isLatest)
                    .as("%s changed without a new released version: review target/avro-history-candidates/%s/v%d.avsc and copy it to "
                            + "schemas/src/main/resources/avro-history/%s/v%d.avsc", type.getSimpleName(), current.getName(), next,
                            current.getName(), next)
                    .isTrue();
        }));
    }

    @TestFactory
    Stream<DynamicTest> currentSchemaReadsEveryReleasedVersion() {
        return releasedPairs().map(pair -> DynamicTest.dynamicTest(pair.label, () -> {
            SchemaCompatibility.SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(pair.current, pair.released);
            assertThat(result.getType())
                    .as("%s: %s", pair.label, result.getResult().getIncompatibilities())
                    .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        }));
    }

    @TestFactory
    Stream<DynamicTest> noFieldIsRemovedOrRenamed() {
        return releasedPairs().map(pair -> DynamicTest.dynamicTest(pair.label, () -> {
            Set<String> missing = new HashSet<>(fieldPaths(pair.released, ""));
            missing.removeAll(fieldPaths(pair.current, ""));
            assertThat(missing).as("fields of %s that the current schema lost", pair.label).isEmpty();
        }));
    }

    private record Pair(String label, Schema current, Schema released) {
    }

    private static Stream<Pair> releasedPairs() {
        List<Pair> pairs = new ArrayList<>();
        for (Class<? extends SpecificRecordBase> type : Contracts.ALL) {
            Schema current = schemaOf(type);
            List<Schema> released = SchemaHistory.releasedVersions(current.getName());
            for (int i = 0; i < released.size(); i++) {
                pairs.add(new Pair(current.getName() + " reads v" + (i + 1), current, released.get(i)));
            }
        }
        return pairs.stream();
    }

    private static Set<String> fieldPaths(Schema schema, String prefix) {
        Set<String> paths = new HashSet<>();
        collect(schema, prefix, paths, new HashSet<>());
        return paths;
    }

    private static void collect(Schema schema, String prefix, Set<String> paths, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName() + "@" + prefix)) {
                    return;
                }
                for (Schema.Field field : schema.getFields()) {
                    String path = prefix + "/" + field.name();
                    paths.add(path);
                    collect(field.schema(), path, paths, seen);
                }
            }
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, prefix, paths, seen));
            case ARRAY -> collect(schema.getElementType(), prefix + "[]", paths, seen);
            case MAP -> collect(schema.getValueType(), prefix + "{}", paths, seen);
            default -> {
            }
        }
    }

    private static Schema schemaOf(Class<? extends SpecificRecordBase> type) {
        return SpecificData.get().getSchema(type);
    }

}
