package io.vigil.standalone.commands.banks.lists;

import io.vigil.schemas.SignalType;

/**
 * @param format        the list's layout, or {@link BankListFormat#AUTO}
 * @param signalType    the type of every hash that the list does not type itself; null to infer it from the
 *                      length (32 hex digits are MD5; 64 are ambiguous and rejected)
 * @param progressEvery call {@link BankListHandler#progress} every this many lines
 */
public record BankListOptions(BankListFormat format, SignalType signalType, int progressEvery) {

    /** Lines longer than this are rejected unread: a list line is a hash and a little metadata. */
    public static final int MAX_LINE_CHARS = 64 * 1024;
    /** Metadata values are cut to this length. */
    public static final int MAX_METADATA_CHARS = 1024;

    public BankListOptions {
        if (format == null) {
            throw new IllegalArgumentException("bank list format is required (AUTO to detect it)");
        }
        if (progressEvery < 1) {
            throw new IllegalArgumentException("progress interval must be positive");
        }
    }

    public static BankListOptions detect() {
        return new BankListOptions(BankListFormat.AUTO, null, 100_000);
    }

    public BankListOptions withSignalType(SignalType type) {
        return new BankListOptions(format, type, progressEvery);
    }

    public BankListOptions withFormat(BankListFormat f) {
        return new BankListOptions(f, signalType, progressEvery);
    }
}
