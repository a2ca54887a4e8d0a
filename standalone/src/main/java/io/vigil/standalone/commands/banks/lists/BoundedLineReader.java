package io.vigil.standalone.commands.banks.lists;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines (LF, CRLF or CR) without ever holding more than a bounded line: a list that is not a list (a binary
 * file, a single 2 GB line) must not exhaust memory. Buffers its input itself.
 */
final class BoundedLineReader {

    /** Returned for a line longer than the bound; the rest of it has been skipped. */
    static final String TOO_LONG = new String("<too long>");

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private boolean skipLineFeed; // the previous line ended with CR: a following LF belongs to it

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, {@link #TOO_LONG}, or null at the end. */
    String readLine() throws IOException {
        line.setLength(0);
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish(tooLong) : null;
                }
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            int room = maxChars - line.length();
            int length = position - start;
            if (length > room) {
                tooLong = true;
                length = Math.max(room, 0);
            }
            line.append(buffer, start, length);
            if (position < limit) {
                skipLineFeed = buffer[position] == '\r';
                position++;
                return finish(tooLong);
            }
        }
    }

    private String finish(boolean tooLong) {
        return tooLong ? TOO_LONG : line.toString();
    }
}
