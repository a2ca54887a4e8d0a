package io.vigil.standalone.commands.banks.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.vigil.schemas.SignalType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankListParserTest {

    private static final String PHOTO = "963c79c93cf69ed836d8fee21e69878c2de70a78c39c41f62c3c481d929634c2";

    /** Collects what the parser reports. */
    private static class Collected implements BankListHandler {
        final List<BankListEntry> entries = new ArrayList<>();
        final List<BankListReject> rejects = new ArrayList<>();
        final List<BankListSummary> progress = new ArrayList<>();
        BankListSummary summary;

        @Override
        public void entry(BankListEntry entry) {
            entries.add(entry);
        }

        @Override
        public void reject(BankListReject reject) {
            rejects.add(reject);
        }

        @Override
        public void progress(BankListSummary soFar) {
            progress.add(soFar);
        }
    }

    @Test
    void plainPdqLinesWithQualityAndEveryKindOfMistake() throws Exception {
        Collected c = parse("plain_pdq.txt", BankListOptions.detect().withSignalType(SignalType.PDQ));
        assertThat(c.summary.format()).isEqualTo(BankListFormat.PLAIN);
        assertThat(c.entries).extracting(BankListEntry::line, BankListEntry::value, BankListEntry::quality)
                .containsExactly(
                        tuple(2L, PHOTO, 100),
                        tuple(4L, "ac5817ce132f94abd2c26c6c87f5e0745d681d3bc69963cc1ba401dd6b5ee14a", null),
                        tuple(5L, "8373589498d20a0360d8601bc263ed1cd9a7f92625895b529769b5f97cb67bee", 87));
        assertThat(c.entries).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(SignalType.PDQ);
            assertThat(e.entryId()).isEqualTo(e.value()); // no source id: the value, stable across re-imports
        });
        assertThat(c.rejects).extracting(BankListReject::line, r -> r.reason().code()).containsExactly(
                tuple(6L, "bad_length"), tuple(7L, "not_hex"), tuple(8L, "bad_quality"));
        assertThat(c.rejects.get(0).detail()).contains("63 hex digits").contains("64");
        assertThat(c.summary.lines()).isEqualTo(9);
        assertThat(c.summary.rejectsByReason()).containsEntry("not_hex", 1L);
    }

    @Test
    void plainLinesMayNameTheirTypeOrBeInferredByLength() throws Exception {
        Collected c = parse("typed_plain.txt", BankListOptions.detect());
        assertThat(c.entries).extracting(BankListEntry::line, BankListEntry::type).containsExactly(
                tuple(1L, SignalType.PDQ), tuple(2L, SignalType.MD5), tuple(3L, SignalType.MD5), tuple(5L, SignalType.MD5));
        assertThat(c.rejects).extracting(BankListReject::line, r -> r.reason().code()).containsExactly(
                tuple(4L, "unsupported_signal_type"), tuple(6L, "ambiguous_type"));
        // the same list with its type declared: the 64-digit line is accepted as SHA-256
        Collected declared = parse("typed_plain.txt", BankListOptions.detect().withSignalType(SignalType.SHA256));
        assertThat(declared.entries).filteredOn(e -> e.line() == 6).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(SignalType.SHA256));
        assertThat(declared.rejects).filteredOn(r -> r.line() == 5).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectReason.BAD_LENGTH));
    }

    @Test
    void csvWithHeaderQuotesMetadataAndIds() throws Exception {
        Collected c = parse("hashes.csv", BankListOptions.detect().withSignalType(SignalType.PDQ));
        assertThat(c.summary.format()).isEqualTo(BankListFormat.CSV);
        assertThat(c.entries).extracting(BankListEntry::line, BankListEntry::entryId, BankListEntry::quality)
                .containsExactly(tuple(2L, "case-1", 100), tuple(3L, "case-2", null), tuple(6L, "case-5", 95));
        assertThat(c.entries.get(0).metadata()).containsExactly(java.util.Map.entry("note", "reported twice, confirmed"));
        assertThat(c.entries.get(2).metadata()).containsEntry("note", "a note\nover two lines");
        assertThat(c.rejects).extracting(BankListReject::line, r -> r.reason().code()).containsExactly(
                tuple(4L, "missing_value"), tuple(5L, "bad_quality"), tuple(8L, "bad_column_count"));
    }

    @Test
    void csvWithOneColumnPerSignalTypeGivesOneEntryPerHash() throws Exception {
        Collected c = parse("multi.csv", BankListOptions.detect());
        assertThat(c.entries).extracting(BankListEntry::line, BankListEntry::type, BankListEntry::entryId)
                .containsExactly(tuple(2L, SignalType.MD5, "c1"), tuple(2L, SignalType.SHA256, "c1"),
                        tuple(2L, SignalType.PDQ, "c1"), tuple(3L, SignalType.MD5, "c2"));
        assertThat(c.rejects).isEmpty();
    }

    @Test
    void threatExchangeSignalExport() throws Exception {
        Collected c = parse("threatexchange_export.csv", BankListOptions.detect());
        assertThat(c.summary.format()).isEqualTo(BankListFormat.THREATEXCHANGE_CSV);
        assertThat(c.entries).extracting(BankListEntry::type, BankListEntry::value).containsExactly(
                tuple(SignalType.PDQ, PHOTO),
                tuple(SignalType.MD5, "d41d8cd98f00b204e9800998ecf8427e"),
                tuple(SignalType.PDQ, "ac5817ce132f94abd2c26c6c87f5e0745d681d3bc69963cc1ba401dd6b5ee14a"));
        assertThat(c.entries.get(0).metadata()).containsEntry("collab", "Sample Signals")
                .containsEntry("category", "TRUE_POSITIVE").containsEntry("tags", "media_type_photo ncii");
        assertThat(c.entries.get(2).metadata()).containsEntry("category", "FALSE_POSITIVE");
        // URLs and URL digests are not media hashes
        assertThat(c.rejects).extracting(BankListReject::line, r -> r.reason().code()).containsExactly(
                tuple(4L, "unsupported_signal_type"), tuple(5L, "unsupported_signal_type"));
    }

    @Test
    void tabSeparatedHeaderAndByteOrderMark() throws Exception {
        Collected c = parse("tabs.tsv", BankListOptions.detect());
        assertThat(c.entries).extracting(BankListEntry::type).containsExactly(SignalType.PDQ, SignalType.SHA256);
        byte[] withBom = ("\uFEFFhash\n" + PHOTO + "\n").getBytes(StandardCharsets.UTF_8);
        // a one-column "hash" header is not recognisable as CSV: read as plain, the header is rejected
        Collected bom = parse(withBom, BankListOptions.detect().withSignalType(SignalType.PDQ));
        assertThat(bom.entries).extracting(BankListEntry::value).containsExactly(PHOTO);
        Collected bomCsv = parse(withBom, BankListOptions.detect().withFormat(BankListFormat.CSV)
                .withSignalType(SignalType.PDQ));
        assertThat(bomCsv.entries).extracting(BankListEntry::value).containsExactly(PHOTO);
        assertThat(bomCsv.rejects).isEmpty();
    }

    @Test
    void malformedCsvStopsWithTheLineNumber() {
        byte[] csv = ("hash,note\n" + PHOTO + ",fine\n" + PHOTO + ",\"never closed\n").getBytes(StandardCharsets.UTF_8);
        Collected c = new Collected();
        assertThatThrownBy(() -> new BankListParser(BankListOptions.detect().withSignalType(SignalType.PDQ))
                .parse(new ByteArrayInputStream(csv), c))
                .isInstanceOfSatisfying(BankListFormatException.class, e -> assertThat(e.line()).isGreaterThanOrEqualTo(3));
        assertThat(c.entries).hasSize(1);
        byte[] noHashColumn = "name,colour\nx,y\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new BankListParser(BankListOptions.detect().withFormat(BankListFormat.CSV))
                .parse(new ByteArrayInputStream(noHashColumn), new Collected()))
                .isInstanceOf(BankListFormatException.class).hasMessageContaining("no hash column");
    }

    @Test
    void overlongLinesAreRejectedWithoutReadingThemWhole() throws Exception {
        String huge = "f".repeat(BankListOptions.MAX_LINE_CHARS * 3);
        byte[] list = (PHOTO + "\n" + huge + "\n" + PHOTO + "\n").getBytes(StandardCharsets.US_ASCII);
        Collected c = parse(list, BankListOptions.detect().withSignalType(SignalType.PDQ));
        assertThat(c.entries).hasSize(2);
        assertThat(c.rejects).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).isEqualTo(RejectReason.LINE_TOO_LONG);
        });
    }

    @Test
    void streamsLargeListsAndReportsProgress() throws Exception {
        int lines = 120_000;
        byte[] line = ("963c79c93cf69ed836d8fee21e69878c2de70a78c39c41f62c3c481d929634c2,100\n")
                .getBytes(StandardCharsets.US_ASCII);
        InputStream generated = new InputStream() {
            private long position;

            @Override
            public int read() {
                return position == (long) lines * line.length ? -1 : line[(int) (position++ % line.length)];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len && position < (long) lines * line.length) {
                    b[off + n++] = line[(int) (position++ % line.length)];
                }
                return n == 0 ? -1 : n;
            }
        };
        Collected c = new Collected() {
            @Override
            public void entry(BankListEntry entry) {
                // a streaming consumer keeps nothing
            }
        };
        BankListSummary summary = new BankListParser(new BankListOptions(BankListFormat.AUTO, SignalType.PDQ, 40_000))
                .parse(generated, c);
        assertThat(summary.lines()).isEqualTo(lines);
        assertThat(summary.entries()).isEqualTo(lines);
        assertThat(c.progress).extracting(BankListSummary::lines).containsExactly(40_000L, 80_000L, 120_000L);
    }

    private static Collected parse(String resource, BankListOptions options) throws Exception {
        try (InputStream in = BankListParserTest.class.getResourceAsStream("/banklists/" + resource)) {
            if (in == null) {
                throw new IOException("missing test resource banklists/" + resource);
            }
            Collected c = new Collected();
            c.summary = new BankListParser(options).parse(in, c);
            return c;
        }
    }

    private static Collected parse(byte[] bytes, BankListOptions options) throws Exception {
        Collected c = new Collected();
        c.summary = new BankListParser(options).parse(new ByteArrayInputStream(bytes), c);
        return c;
    }
}
