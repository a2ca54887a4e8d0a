package io.vigil.standalone.commands.banks.lists;

import io.vigil.schemas.SignalType;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validates candidate entries, passes entries and rejects on to the handler, and counts them. Shared by the plain
 * and CSV readers so that both validate identically.
 */
final class Tally {

    private static final int MAX_QUALITY = 100;

    private final BankListHandler handler;
    private final BankListOptions options;
    private final Map<String, Long> rejectsByReason = new TreeMap<>();
    private BankListFormat format;
    private long lines;
    private long entries;
    private long rejects;

    Tally(BankListHandler handler, BankListOptions options, BankListFormat format) {
        this.handler = handler;
        this.options = options;
        this.format = format;
    }

    void format(BankListFormat actual) {
        this.format = actual;
    }

    /** Counts a line read; reports progress at the configured interval. */
    void line() {
        lines++;
        if (lines % options.progressEvery() == 0) {
            handler.progress(summary());
        }
    }

    long lines() {
        return lines;
    }

    /**
     * Validates one candidate and reports it as an entry or a reject.
     *
     * @param type     the hash type, or null if neither the line nor the options give one
     * @param value    the hash as written (trimmed)
     * @param quality  the quality as written, or null/empty
     * @param entryId  the source's id, or null/empty
     */
    void candidate(long line, SignalType type, String value, String quality, String entryId,
                   Map<String, String> metadata) {
        if (value == null || value.isEmpty()) {
            reject(line, RejectReason.MISSING_VALUE, "no hash value");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                reject(line, RejectReason.NOT_HEX, "character " + (i + 1) + " of the value is not a hex digit");
                return;
            }
        }
        if (type == null) {
            if (value.length() == SignalTypes.MD5_HEX_LENGTH) {
                type = SignalType.MD5;
            } else if (value.length() == SignalTypes.HASH_256_HEX_LENGTH) {
                reject(line, RejectReason.AMBIGUOUS_TYPE,
                        "64 hex digits could be PDQ or SHA-256; give the list's signal type");
                return;
            } else {
                reject(line, RejectReason.BAD_LENGTH, value.length() + " hex digits is no known hash length");
                return;
            }
        }
        if (value.length() != SignalTypes.hexLength(type)) {
            reject(line, RejectReason.BAD_LENGTH, value.length() + " hex digits, a " + type + " hash has "
                    + SignalTypes.hexLength(type));
            return;
        }
        Integer q = null;
        if (type == SignalType.PDQ && quality != null && !quality.isEmpty()) {
            try {
                q = Integer.valueOf(quality);
            } catch (NumberFormatException e) {
                reject(line, RejectReason.BAD_QUALITY, "PDQ quality is not a whole number");
                return;
            }
            if (q < 0 || q > MAX_QUALITY) {
                reject(line, RejectReason.BAD_QUALITY, "PDQ quality " + q + " is outside 0.." + MAX_QUALITY);
                return;
            }
        }
        String normalised = value.toLowerCase(Locale.ROOT);
        String id = entryId == null || entryId.isEmpty() ? normalised : entryId;
        entries++;
        handler.entry(new BankListEntry(line, type, normalised, q, id, metadata));
    }

    void reject(long line, RejectReason reason, String detail) {
        rejects++;
        rejectsByReason.merge(reason.code(), 1L, Long::sum);
        handler.reject(new BankListReject(line, reason, detail));
    }

    BankListSummary summary() {
        return new BankListSummary(format, lines, entries, rejects, rejectsByReason);
    }
}
