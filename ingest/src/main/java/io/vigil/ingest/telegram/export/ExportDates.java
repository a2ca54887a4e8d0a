package io.vigil.ingest.telegram.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Optional;

/**
 * When a message was sent. Exports since June 2022 write {@code date_unixtime} (epoch seconds, as a string) beside
 * {@code date}; {@code date} is the exporting machine's local time without an offset, so around a change to or from
 * daylight saving time one local hour happens twice (or never) and cannot be placed. Vigil reads
 * {@code date_unixtime}; only an older export without it is read from {@code date}, in the zone the user names, and
 * every such message is counted, the ambiguous ones separately.
 */
public final class ExportDates {

    /** How a time was read. */
    public enum Source { UNIX_TIME, LOCAL_TIME, LOCAL_TIME_AMBIGUOUS, LOCAL_TIME_IN_GAP }

    public record Read(Instant instant, Source source) {
    }

    private final ZoneId exportZone;

    /** @param exportZone the zone of the machine that wrote the export, for {@code date} without {@code date_unixtime} */
    public ExportDates(ZoneId exportZone) {
        this.exportZone = exportZone;
    }

    public Optional<Read> sent(JsonNode message) {
        return read(message.get("date_unixtime"), message.get("date"));
    }

    public Optional<Read> edited(JsonNode message) {
        return read(message.get("edited_unixtime"), message.get("edited"));
    }

    private Optional<Read> read(JsonNode unix, JsonNode local) {
        if (unix != null && !unix.isNull()) {
            Optional<Long> seconds = seconds(unix);
            if (seconds.isPresent()) {
                return Optional.of(new Read(Instant.ofEpochSecond(seconds.get()), Source.UNIX_TIME));
            }
        }
        if (local == null || !local.isTextual()) {
            return Optional.empty();
        }
        LocalDateTime time;
        try {
            time = LocalDateTime.parse(local.asText().strip());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        List<ZoneOffset> offsets = exportZone.getRules().getValidOffsets(time);
        if (offsets.size() == 1) {
            return Optional.of(new Read(time.toInstant(offsets.get(0)), Source.LOCAL_TIME));
        }
        if (offsets.size() > 1) {
            // The hour that happens twice: the earlier offset, as java.time does; counted as ambiguous.
            return Optional.of(new Read(time.atZone(exportZone).toInstant(), Source.LOCAL_TIME_AMBIGUOUS));
        }
        ZoneOffsetTransition gap = exportZone.getRules().getTransition(time);
        return Optional.of(new Read(time.toInstant(gap.getOffsetBefore()), Source.LOCAL_TIME_IN_GAP));
    }

    private static Optional<Long> seconds(JsonNode unix) {
        if (unix.canConvertToLong() && unix.isNumber()) {
            return Optional.of(unix.asLong());
        }
        if (unix.isTextual()) {
            try {
                return Optional.of(Long.parseLong(unix.asText().strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
