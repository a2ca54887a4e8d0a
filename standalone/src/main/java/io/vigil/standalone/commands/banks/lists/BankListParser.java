package io.vigil.standalone.commands.banks.lists;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Streams a hash list (plain lines, CSV with a header, or a ThreatExchange/HMA signal export), validating every
 * line: entries and rejects (with line numbers) go to a {@link BankListHandler} as they are read, so lists of any
 * size pass through in constant memory. Pure: what happens to the entries (a bank, a topic) is the caller's.
 */
public final class BankListParser {

    /** How far ahead the format detection may look for the first line with content. */
    private static final int DETECTION_LOOKAHEAD_CHARS = 1 << 20;

    private final BankListOptions options;

    public BankListParser(BankListOptions options) {
        this.options = options;
    }

    /**
     * Reads the list in {@code in} (UTF-8, an optional byte-order mark is skipped).
     *
     * @throws BankListFormatException if the list cannot be read past some line; entries before it have been
     *                                 passed on
     */
    public BankListSummary parse(InputStream in, BankListHandler handler) throws IOException, BankListFormatException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        skipByteOrderMark(reader);
        BankListFormat format = options.format();
        char separator = ',';
        if (format == BankListFormat.AUTO || format == BankListFormat.CSV || format == BankListFormat.THREATEXCHANGE_CSV) {
            String first = firstContentLine(reader);
            separator = first != null && first.indexOf('\t') >= 0 && first.indexOf(',') < 0 ? '\t' : ',';
            if (format == BankListFormat.AUTO) {
                format = first != null && looksLikeHeader(first, separator) ? BankListFormat.CSV : BankListFormat.PLAIN;
            }
        }
        Tally tally = new Tally(handler, options, format);
        if (format == BankListFormat.PLAIN) {
            PlainListReader.read(reader, options, tally);
        } else {
            CsvListReader.read(reader, separator, options, tally);
        }
        return tally.summary();
    }

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** The first line that is neither blank nor a comment, read ahead and then un-read. */
    private static String firstContentLine(BufferedReader reader) throws IOException {
        reader.mark(DETECTION_LOOKAHEAD_CHARS);
        try {
            BoundedLineReader lines = new BoundedLineReader(reader, BankListOptions.MAX_LINE_CHARS);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    return line == BoundedLineReader.TOO_LONG ? null : trimmed;
                }
            }
            return null;
        } finally {
            reader.reset();
        }
    }

    /** A header names a hash column; a data line starts with a hash or a signal type. */
    private static boolean looksLikeHeader(String line, char separator) {
        List<String> fields = Arrays.stream(line.split(String.valueOf(separator)))
                .map(f -> CsvListReader.normalise(f.replace("\"", ""))).toList();
        if (fields.size() < 2) {
            return false;
        }
        return CsvListReader.Columns.of(fields).isPresent();
    }
}
