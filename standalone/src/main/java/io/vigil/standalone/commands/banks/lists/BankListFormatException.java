package io.vigil.standalone.commands.banks.lists;

/** A list that cannot be read at all past some point (no hash column, an unterminated quote, ...). */
public final class BankListFormatException extends Exception {

    private final long line;

    public BankListFormatException(long line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public BankListFormatException(long line, String message, Throwable cause) {
        super("line " + line + ": " + message, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
