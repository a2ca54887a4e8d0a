package io.vigil.standalone.commands.banks.lists;

import io.vigil.schemas.SignalType;
import java.util.Map;
import java.util.Objects;

/**
 * One valid hash from a list, normalised.
 *
 * @param line     line number in the file (1-based), for reports
 * @param type     the signal type
 * @param value    lower-case hex of the type's length
 * @param quality  the PDQ quality (0..100) when the list gives one, else null
 * @param entryId  the source's id for the entry when the list has one, else the value itself, so that
 *                 re-importing a list yields the same ids
 * @param metadata the list's other columns (tags, collaboration, category, ...), by lower-case column name
 */
public record BankListEntry(long line, SignalType type, String value, Integer quality, String entryId,
                            Map<String, String> metadata) {

    public BankListEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(entryId, "entryId");
        metadata = Map.copyOf(metadata);
    }
}
