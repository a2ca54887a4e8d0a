package io.vigil.detector.ocr;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Tesseract through the C API on synthetic screenshots: what it reads, where, and how it is bounded. */
class TesseractReaderTest {

    private static TesseractReader reader;

    @BeforeAll
    static void open() {
        reader = Tesseract.reader(1, 4, Duration.ofSeconds(20));
    }

    @AfterAll
    static void close() {
        if (reader != null) {
            reader.close();
        }
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    @Test
    void readsPhoneNumbersAndHandlesInLatinScreenshotsAtSeveralSizes() {
        Tesseract.assumeLanguage("spa");
        List<String> lines = List.of("Maria Lopez", "+34 612 34 56 78", "insta maria.lopez98");
        for (int size : new int[]{18, 28, 40}) {
            Font font = SyntheticScreenshots.fontFor(lines, size).orElseThrow();
            BufferedImage image = SyntheticScreenshots.grey(SyntheticScreenshots.render(lines, font,
                    SyntheticScreenshots.Background.CHAT_GRADIENT, 0, size));
            OcrOutcome outcome = reader.read(image, List.of("spa", "eng"));
            assertThat(outcome).as("at " + size + " px").isInstanceOf(OcrOutcome.Read.class);
            String text = ((OcrOutcome.Read) outcome).text().text();
            assertThat(digits(text)).as("at " + size + " px").contains("34612345678");
            assertThat(text).as("at " + size + " px").contains("maria.lopez98");
        }
    }

    @Test
    void readsCyrillicAndChineseScreenshots() {
        Tesseract.assumeLanguage("rus");
        Tesseract.assumeLanguage("chi_sim");
        List<String> ru = List.of("её номер", "+7 912 345-67-89");
        OcrOutcome r = reader.read(SyntheticScreenshots.grey(SyntheticScreenshots.render(ru,
                SyntheticScreenshots.fontFor(ru, 30).orElseThrow(), SyntheticScreenshots.Background.CHAT_GRADIENT, 0, 1)),
                List.of("rus", "eng"));
        assertThat(((OcrOutcome.Read) r).text().text()).contains("номер");
        assertThat(digits(((OcrOutcome.Read) r).text().text())).contains("79123456789");
        List<String> zh = List.of("她的电话", "138 0013 8000");
        Font cjk = SyntheticScreenshots.fontFor(zh, 32).orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(cjk != null, "no CJK font installed (fonts-wqy-zenhei)");
        OcrOutcome z = reader.read(SyntheticScreenshots.grey(SyntheticScreenshots.render(zh, cjk,
                SyntheticScreenshots.Background.CHAT_GRADIENT, 0, 2)), List.of("chi_sim", "eng"));
        String text = ((OcrOutcome.Read) z).text().text();
        assertThat(text).contains("电话");
        assertThat(digits(text)).contains("13800138000");
    }

    @Test
    void eachWordHasTheBoxWhereItWasDrawn() {
        List<String> lines = List.of("call 612 34 56 78");
        Font font = SyntheticScreenshots.fontFor(lines, 32).orElseThrow();
        BufferedImage image = SyntheticScreenshots.grey(SyntheticScreenshots.render(lines, font,
                SyntheticScreenshots.Background.CHAT_GRADIENT, 0, 3));
        ReadText read = ((OcrOutcome.Read) reader.read(image, List.of("eng"))).text();
        int at = read.text().indexOf("612");
        TextBox box = read.boxOf(at, at + 3).orElseThrow();
        // The line's baseline is at y = 80 + 32 = 112: the glyphs of that line sit just above it.
        assertThat(box.y()).isBetween(80, 112);
        assertThat(box.y() + box.height()).isBetween(100, 125);
        assertThat(box.x()).isGreaterThan(60);
    }

    @Test
    void aPhotoWithoutTextIsSkippedBeforeOcr() {
        OcrOutcome outcome = reader.read(SyntheticScreenshots.grey(SyntheticScreenshots.photo(1600, 1200, 7)), List.of("eng"));
        assertThat(outcome).isInstanceOf(OcrOutcome.Skipped.class);
        assertThat(((OcrOutcome.Skipped) outcome).code()).isEqualTo("no_text_likely");
    }

    @Test
    void tesseractStopsAtTheTimeLimitOfAnImage() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add("line " + i + " +34 612 34 56 " + (10 + i) + " insta maria.lopez" + i + " Calle Mayor " + i);
        }
        BufferedImage big = SyntheticScreenshots.grey(SyntheticScreenshots.render(lines,
                SyntheticScreenshots.fontFor(lines, 24).orElseThrow(), SyntheticScreenshots.Background.LIGHT_NOISE, 0, 4));
        try (TesseractReader quick = Tesseract.reader(1, 2, Duration.ofMillis(50))) {
            quick.read(SyntheticScreenshots.grey(SyntheticScreenshots.render(List.of("warm up 123"),
                    SyntheticScreenshots.fontFor(List.of("warm up"), 24).orElseThrow(), SyntheticScreenshots.Background.CHAT_GRADIENT, 0, 5)),
                    List.of("eng"));
            OcrOutcome outcome = quick.read(big, List.of("eng"));
            assertThat(outcome).isInstanceOf(OcrOutcome.Failed.class);
            assertThat(((OcrOutcome.Failed) outcome).code()).isEqualTo("ocr_timeout");
        }
    }

    @Test
    void aFullQueueAnswersBusyInsteadOfWaiting() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add("line " + i + " +34 612 34 56 " + (10 + i) + " insta maria.lopez" + i);
        }
        BufferedImage image = SyntheticScreenshots.grey(SyntheticScreenshots.render(lines,
                SyntheticScreenshots.fontFor(lines, 24).orElseThrow(), SyntheticScreenshots.Background.CHAT_GRADIENT, 0, 6));
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try (TesseractReader small = Tesseract.reader(1, 1, Duration.ofSeconds(20))) {
            List<Future<OcrOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                outcomes.add(callers.submit(() -> small.read(image, List.of("eng"))));
            }
            List<String> codes = new ArrayList<>();
            for (Future<OcrOutcome> f : outcomes) {
                OcrOutcome o = f.get();
                codes.add(o instanceof OcrOutcome.Skipped s ? s.code() : o.getClass().getSimpleName());
            }
            assertThat(codes).contains("ocr_busy").contains("Read");
        } finally {
            callers.shutdownNow();
        }
    }
}
