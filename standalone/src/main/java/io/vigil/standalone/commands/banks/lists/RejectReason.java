package io.vigil.standalone.commands.banks.lists;

/** Why a line of a hash list was not imported; each with a stable code for reports. */
public enum RejectReason {
    MISSING_VALUE("missing_value"),
    NOT_HEX("not_hex"),
    BAD_LENGTH("bad_length"),
    BAD_QUALITY("bad_quality"),
    /** A 64-digit hash with no type: PDQ and SHA-256 have the same length. */
    AMBIGUOUS_TYPE("ambiguous_type"),
    /** A signal type Vigil does not match media by (URLs, text, video hashes, ...). */
    UNSUPPORTED_SIGNAL_TYPE("unsupported_signal_type"),
    /** A CSV row with more or fewer fields than the header. */
    BAD_COLUMN_COUNT("bad_column_count"),
    LINE_TOO_LONG("line_too_long");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
