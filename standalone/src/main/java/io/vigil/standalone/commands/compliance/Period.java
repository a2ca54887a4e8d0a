package io.vigil.standalone.commands.compliance;

import picocli.CommandLine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A --from or --to value: a UTC day (2026-01-01, its start) or an instant (2026-01-01T12:00:00Z). */
final class Period implements CommandLine.ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is neither a date (YYYY-MM-DD, UTC) nor an instant (ISO 8601 with Z)");
        }
    }
}
