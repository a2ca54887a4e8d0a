package io.vigil.schemas.serde;

import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fewest bytes a value of a schema takes in Avro's binary encoding, and the arrays whose items can take none.
 * {@link BoundedDecoder} refuses a collection that declares more items than bytes remain, which is exact only when
 * every item takes at least one byte; the serde checks that for each schema it registers.
 */
final class MinimumSize {

    private MinimumSize() {
    }

    /** The fewest bytes a value of {@code schema} encodes to (a lower bound for recursive records). */
    static int of(Schema schema) {
        return of(schema, new HashSet<>());
    }

    private static int of(Schema schema, Set<String> inProgress) {
        return switch (schema.getType()) {
            case NULL -> 0;
            case BOOLEAN, INT, LONG, ENUM, STRING, BYTES, ARRAY, MAP -> 1;
            case FLOAT -> 4;
            case DOUBLE -> 8;
            case FIXED -> schema.getFixedSize();
            case UNION -> 1 + schema.getTypes().stream().mapToInt(branch -> of(branch, inProgress)).min().orElse(0);
            case RECORD -> {
                if (!inProgress.add(schema.getFullName())) {
                    yield 0;
                }
                int sum = schema.getFields().stream().mapToInt(field -> of(field.schema(), inProgress)).sum();
                inProgress.remove(schema.getFullName());
                yield sum;
            }
        };
    }

    /** Paths of the arrays in {@code schema} whose items may encode to zero bytes. */
    static List<String> arraysOfEmptyItems(Schema schema) {
        List<String> found = new ArrayList<>();
        collect(schema, schema.getName(), found, new HashSet<>());
        return found;
    }

    private static void collect(Schema schema, String path, List<String> found, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    schema.getFields().forEach(f -> collect(f.schema(), path + "." + f.name(), found, seen));
                }
            }
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, path, found, seen));
            case MAP -> collect(schema.getValueType(), path + "{}", found, seen);
            case ARRAY -> {
                if (of(schema.getElementType()) == 0) {
                    found.add(path + "[]");
                }
                collect(schema.getElementType(), path + "[]", found, seen);
            }
            default -> {
            }
        }
    }
}
