package io.vigil.runtime.errors;

/**
 * A processing step refuses a record that it read but cannot accept (a message with no chat id, a media list it
 * cannot make sense of). The record goes to the dead-letter topic with {@link #code()} as its reason; the stream
 * carries on. The message must say what is wrong without quoting personal data.
 */
public class RejectedRecordException extends RuntimeException {

    private final String code;

    public RejectedRecordException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Stable, low-cardinality reason code, used as a metric tag. */
    public String code() {
        return code;
    }
}
