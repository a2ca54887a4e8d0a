package io.vigil.standalone.commands.banks.lists;

import io.vigil.schemas.SignalType;
import java.io.IOException;
import java.io.Reader;
import java.util.Map;

/** Reads {@link BankListFormat#PLAIN} lists. */
final class PlainListReader {

    /** Plain lines hold at most a type, a hash, a quality and a remark that is ignored. */
    private static final int MAX_FIELDS = 4;

    private PlainListReader() {
    }

    static void read(Reader in, BankListOptions options, Tally tally) throws IOException {
        BoundedLineReader lines = new BoundedLineReader(in, BankListOptions.MAX_LINE_CHARS);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            tally.line();
            long number = tally.lines();
            if (line == BoundedLineReader.TOO_LONG) {
                tally.reject(number, RejectReason.LINE_TOO_LONG, "longer than " + BankListOptions.MAX_LINE_CHARS
                        + " characters");
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = fields(trimmed);
            int next = 0;
            SignalType type = options.signalType();
            if (fields.length > 1 && SignalTypes.isKnown(fields[0])) {
                type = SignalTypes.lookup(fields[next++]).orElseThrow();
            } else if (fields.length > 1 && isTypeWord(fields[0])) {
                tally.reject(number, RejectReason.UNSUPPORTED_SIGNAL_TYPE, "signal type is not a media hash");
                continue;
            }
            String value = fields[next++];
            String quality = next < fields.length && isInteger(fields[next]) ? fields[next] : null;
            tally.candidate(number, type, value, quality, null, Map.of());
        }
    }

    /** Up to {@link #MAX_FIELDS} fields separated by whitespace, commas or semicolons. */
    private static String[] fields(String line) {
        String[] fields = new String[MAX_FIELDS];
        int count = 0;
        int i = 0;
        int n = line.length();
        while (i < n && count < MAX_FIELDS) {
            while (i < n && isSeparator(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSeparator(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                fields[count++] = line.substring(start, i);
            }
        }
        return java.util.Arrays.copyOf(fields, count);
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == ';' || Character.isWhitespace(c);
    }

    private static boolean isInteger(String field) {
        int start = field.startsWith("-") ? 1 : 0;
        if (field.length() == start) {
            return false;
        }
        for (int i = start; i < field.length(); i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A leading word that is a signal type name rather than a hash: letters and underscores only. */
    private static boolean isTypeWord(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c == '_')) {
                return false;
            }
        }
        // a hex value made of a..f letters only would also pass; those are hashes, not names
        return field.chars().anyMatch(ch -> ch > 'f' || ch == '_');
    }
}
