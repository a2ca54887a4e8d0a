package io.vigil.standalone.commands.banks.lists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.vigil.schemas.SignalType;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads {@link BankListFormat#CSV} and {@link BankListFormat#THREATEXCHANGE_CSV} lists with Jackson's CSV parser. */
final class CsvListReader {

    /** Columns holding an untyped hash, most specific first. */
    static final List<String> VALUE_COLUMNS = List.of("signal_str", "signal_value", "hash_value", "hash", "value",
            "signal");
    static final List<String> TYPE_COLUMNS = List.of("signal_type", "hash_type", "type");
    static final List<String> QUALITY_COLUMNS = List.of("pdq_quality", "quality");
    static final List<String> ID_COLUMNS = List.of("entry_id", "hash_id", "content_id", "id");

    private CsvListReader() {
    }

    /** How a header's columns are used. */
    record Columns(int value, int type, int quality, int id, Map<Integer, SignalType> typed, List<String> names) {

        static Optional<Columns> of(List<String> header) {
            List<String> names = header.stream().map(CsvListReader::normalise).toList();
            Map<Integer, SignalType> typed = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                Optional<SignalType> t = SignalTypes.lookup(names.get(i));
                if (t.isPresent()) {
                    typed.put(i, t.get());
                }
            }
            int value = first(names, VALUE_COLUMNS);
            if (value < 0 && typed.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Columns(value, first(names, TYPE_COLUMNS), first(names, QUALITY_COLUMNS),
                    first(names, ID_COLUMNS), typed, names));
        }

        boolean isThreatExchangeExport() {
            return value >= 0 && names.get(value).equals("signal_str") && type >= 0;
        }

        private static int first(List<String> names, List<String> wanted) {
            for (String w : wanted) {
                int i = names.indexOf(w);
                if (i >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }

    static void read(Reader in, char separator, BankListOptions options, Tally tally)
            throws IOException, BankListFormatException {
        CsvFactory factory = new CsvFactory();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withComments();
        try (CsvParser parser = factory.createParser(in)) {
            parser.setSchema(schema);
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            parser.enable(CsvParser.Feature.TRIM_SPACES);
            parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            parser.enable(CsvParser.Feature.ALLOW_COMMENTS);
            parser.nextToken(); // the outer array wrapping all rows
            Columns columns = null;
            long lastLine = 0;
            List<String> row = new ArrayList<>();
            while (true) {
                JsonToken token;
                long line;
                try {
                    token = parser.nextToken();
                    if (token != JsonToken.START_ARRAY) {
                        break;
                    }
                    row.clear();
                    token = parser.nextToken();
                    // the row's line is that of its first field (a row's START_ARRAY sits at the previous line end)
                    line = parser.currentTokenLocation().getLineNr();
                    for (; token == JsonToken.VALUE_STRING; token = parser.nextToken()) {
                        row.add(parser.getText());
                    }
                } catch (JsonProcessingException malformed) {
                    throw new BankListFormatException(Math.max(lastLine, parser.currentLocation().getLineNr()),
                            "malformed CSV: " + malformed.getOriginalMessage(), malformed);
                }
                while (tally.lines() < line) {
                    tally.line(); // count blank, comment and continuation lines too
                }
                lastLine = line;
                if (columns == null) {
                    columns = Columns.of(row).orElseThrow(() -> new BankListFormatException(line,
                            "no hash column in the header (expected one of " + VALUE_COLUMNS + " or a type name)"));
                    if (columns.isThreatExchangeExport()) {
                        tally.format(BankListFormat.THREATEXCHANGE_CSV);
                    }
                    continue;
                }
                row(line, row, columns, options, tally);
            }
        }
    }

    private static void row(long line, List<String> row, Columns columns, BankListOptions options, Tally tally) {
        if (row.size() > columns.names().size()) {
            tally.reject(line, RejectReason.BAD_COLUMN_COUNT, row.size() + " fields, the header has "
                    + columns.names().size());
            return;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            if (i == columns.value() || i == columns.type() || i == columns.quality() || i == columns.id()
                    || columns.typed().containsKey(i) || row.get(i).isEmpty()) {
                continue;
            }
            String v = row.get(i);
            metadata.put(columns.names().get(i), v.length() > BankListOptions.MAX_METADATA_CHARS
                    ? v.substring(0, BankListOptions.MAX_METADATA_CHARS) : v);
        }
        String quality = cell(row, columns.quality());
        String id = cell(row, columns.id());
        if (columns.value() >= 0) {
            SignalType type = options.signalType();
            String typeName = cell(row, columns.type());
            if (!typeName.isEmpty()) {
                Optional<SignalType> t = SignalTypes.lookup(typeName);
                if (t.isEmpty()) {
                    tally.reject(line, RejectReason.UNSUPPORTED_SIGNAL_TYPE, "signal type is not a media hash");
                    return;
                }
                type = t.get();
            }
            tally.candidate(line, type, cell(row, columns.value()), quality, id, metadata);
        }
        for (Map.Entry<Integer, SignalType> typed : columns.typed().entrySet()) {
            String value = cell(row, typed.getKey());
            if (!value.isEmpty() || columns.value() < 0 && columns.typed().size() == 1) {
                tally.candidate(line, typed.getValue(), value, quality, id, metadata);
            }
        }
    }

    private static String cell(List<String> row, int column) {
        return column >= 0 && column < row.size() ? row.get(column).strip() : "";
    }

    static String normalise(String header) {
        return header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }
}
