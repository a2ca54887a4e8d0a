package io.vigil.ingest.telegram.export;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads Telegram Desktop's JSON as JSON. Its serializer ({@code export_output_json.cpp}, {@code SerializeString})
 * writes control bytes other than {@code \n \r \t} as {@code \xHH}, which JSON does not have; inside strings this
 * reader turns each {@code \xHH} into JSON's escape for the same character (backslash, u, 0, 0, HH) and leaves
 * everything else as it is (an escaped backslash followed by x stays text). Line breaks are untouched, so line numbers still point into the file.
 */
public final class LenientJsonReader extends FilterReader {

    private boolean inString;
    private boolean escaped;
    /** Translated characters that did not fit the caller's buffer, handed out first on the next read. */
    private final StringBuilder pending = new StringBuilder();
    private char[] chunk = new char[8192];
    private char[] target;
    private int targetEnd;
    private int written;

    public LenientJsonReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int fromPending = Math.min(length, pending.length());
        pending.getChars(0, fromPending, buffer, offset);
        pending.delete(0, fromPending);
        if (fromPending == length) {
            return length;
        }
        target = buffer;
        targetEnd = offset + length;
        written = offset + fromPending;
        if (chunk.length < length - fromPending) {
            chunk = new char[length - fromPending];
        }
        int read = in.read(chunk, 0, length - fromPending);
        if (read < 0) {
            return fromPending == 0 ? -1 : fromPending;
        }
        for (int i = 0; i < read; i++) {
            translate(chunk[i]);
        }
        target = null;
        return written - offset;
    }

    private void translate(char c) {
        if (!inString) {
            if (c == '"') {
                inString = true;
            }
            emit(c);
            return;
        }
        if (escaped) {
            escaped = false;
            if (c == 'x') {
                // JSON's form of the same escape: the backslash is already out; u00 here, then the two hex digits follow.
                emit('u');
                emit('0');
                emit('0');
                return;
            }
            emit(c);
            return;
        }
        if (c == '\\') {
            escaped = true;
        } else if (c == '"') {
            inString = false;
        }
        emit(c);
    }

    private void emit(char c) {
        if (written < targetEnd) {
            target[written++] = c;
        } else {
            pending.append(c);
        }
    }

    @Override
    public boolean ready() throws IOException {
        return pending.length() > 0 || in.ready();
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public long skip(long n) throws IOException {
        char[] sink = new char[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }
}
