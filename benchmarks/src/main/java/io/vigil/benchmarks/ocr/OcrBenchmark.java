package io.vigil.benchmarks.ocr;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.detector.DetectorMetrics;
import io.vigil.detector.analysis.MediaAnalysis;
import io.vigil.detector.analysis.MessageAnalysis;
import io.vigil.detector.doxxing.DetectedEntity;
import io.vigil.detector.doxxing.DoxxingConfig;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.TextScan;
import io.vigil.detector.media.DecodeLimits;
import io.vigil.detector.media.ImageDecoder;
import io.vigil.detector.ocr.HandleRepair;
import io.vigil.detector.ocr.OcrLanguages;
import io.vigil.detector.ocr.OcrOutcome;
import io.vigil.detector.ocr.SyntheticScreenshots;
import io.vigil.detector.ocr.TesseractReader;
import io.vigil.detector.ocr.TextInImages;
import io.vigil.detector.pdq.PdqHasher;
import io.vigil.detector.steps.ImageAnalysis;
import io.vigil.detector.steps.TextScanning;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.Visibility;

import javax.imageio.ImageIO;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * OCR figures for issue 12, on synthetic screenshots (fictional numbers and handles rendered on benign backgrounds):
 * (1) recall of phone numbers and handles through OCR and the doxxing detector, by font size, script and angle;
 * (2) cost per image with text and without (a photo stopped by the text-likelihood gate);
 * (3) messages per second of the detector's image and text steps on a mix with 10% screenshots, with OCR and
 * without it, measured in the same run. Single OCR thread, so the figures are per core.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.vigil.benchmarks.ocr.OcrBenchmark [samples per cell] [mix messages]</pre>
 */
public final class OcrBenchmark {

    private record Script(String name, String region, List<String> languages, String label) {
    }

    private static final List<Script> SCRIPTS = List.of(
            new Script("Latin (es)", "ES", List.of("spa", "eng"), "su número"),
            new Script("Latin (en)", "GB", List.of("eng"), "her number"),
            new Script("Cyrillic (ru)", "RU", List.of("rus", "eng"), "её номер"),
            new Script("Chinese (zh)", "CN", List.of("chi_sim", "eng"), "她的电话"));

    private OcrBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int mixMessages = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        DoxxingDetector detector = DoxxingDetector.create(
                DoxxingConfig.defaults("benchmark-secret-not-for-production".getBytes(StandardCharsets.UTF_8)));
        try (TesseractReader reader = new TesseractReader(OcrLanguages.defaultTessdata(), 1, 16, Duration.ofSeconds(10), 2000, 0.02);
             TesseractReader unrepaired = new TesseractReader(OcrLanguages.defaultTessdata(), 1, 16, Duration.ofSeconds(10),
                     2000, 0.02, HandleRepair.none())) {
            System.out.println("Tesseract " + reader.version() + "; " + samples + " screenshots per cell");
            System.out.println("\n(1a) without the handle repair (what OCR reads, as read)");
            recall(unrepaired, detector, samples);
            System.out.println("\n(1b) with the handle repair (a misread @ before a handle after a platform label)");
            recall(reader, detector, samples);
            cost(reader, samples);
            mix(reader, detector, mixMessages);
        }
    }

    private static void recall(TesseractReader reader, DoxxingDetector detector, int samples) {
        System.out.println("\n(1) recall through OCR + doxxing detector: phones (PHONE with the same digits) / handles (SOCIAL_HANDLE)");
        System.out.printf(Locale.ROOT, "%-14s %6s %6s %10s %10s %10s%n", "script", "px", "angle", "phones", "handles", "ms/image");
        Random random = new Random(12);
        for (Script script : SCRIPTS) {
            for (int px : new int[]{12, 16, 20, 28, 40}) {
                for (int angle : new int[]{0, 3}) {
                    int phones = 0;
                    int handles = 0;
                    long millis = 0;
                    int drawn = 0;
                    for (int n = 0; n < samples; n++) {
                        String phone = phone(script.region(), random);
                        String handle = "@" + "maria.lopez" + (10 + random.nextInt(89));
                        List<String> lines = List.of(script.label() + " " + phone, "insta " + handle);
                        Optional<Font> font = SyntheticScreenshots.fontFor(lines, px);
                        if (font.isEmpty()) {
                            continue;
                        }
                        drawn++;
                        BufferedImage image = SyntheticScreenshots.grey(SyntheticScreenshots.render(lines, font.get(),
                                SyntheticScreenshots.Background.values()[n % 3], angle, n));
                        OcrOutcome outcome = reader.read(image, script.languages());
                        if (!(outcome instanceof OcrOutcome.Read read)) {
                            continue;
                        }
                        millis += read.millis();
                        String text = read.text().text();
                        TextScan scan = detector.scan(text, Optional.of(script.region()), true);
                        for (DetectedEntity e : scan.entities()) {
                            String surface = text.substring(e.start(), e.end());
                            if (e.type() == EntityType.PHONE && digits(surface).endsWith(digits(phone).substring(2))) {
                                phones++;
                            }
                            if (e.type() == EntityType.SOCIAL_HANDLE && surface.replace("@", "").equals(handle.substring(1))) {
                                handles++;
                            }
                        }
                    }
                    if (drawn == 0) {
                        System.out.printf(Locale.ROOT, "%-14s %6d %6d   no font can draw this script%n", script.name(), px, angle);
                        continue;
                    }
                    System.out.printf(Locale.ROOT, "%-14s %6d %6d %6d/%-3d %6d/%-3d %10.0f%n", script.name(), px, angle,
                            phones, drawn, handles, drawn, (double) millis / drawn);
                }
            }
        }
    }

    private static void cost(TesseractReader reader, int samples) {
        System.out.println("\n(2) cost per image (median of " + Math.max(5, samples * 3) + ")");
        int n = Math.max(5, samples * 3);
        List<String> lines = List.of("Lucía Martín", "su número +34 612 34 56 78", "insta @lucia.mrtn04", "Calle Mayor 7, 28013 Madrid");
        Font font = SyntheticScreenshots.fontFor(lines, 28).orElseThrow();
        BufferedImage screenshot = SyntheticScreenshots.grey(SyntheticScreenshots.render(lines, font,
                SyntheticScreenshots.Background.CHAT_GRADIENT, 0, 1));
        reader.read(screenshot, List.of("spa", "eng"));
        List<Double> withText = new ArrayList<>();
        List<Double> photo = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            reader.read(screenshot, List.of("spa", "eng"));
            withText.add((System.nanoTime() - t) / 1e6);
            BufferedImage p = SyntheticScreenshots.grey(SyntheticScreenshots.photo(1600, 1200, i));
            t = System.nanoTime();
            OcrOutcome o = reader.read(p, List.of("spa", "eng"));
            photo.add((System.nanoTime() - t) / 1e6);
            if (!(o instanceof OcrOutcome.Skipped)) {
                System.out.println("  note: photo " + i + " passed the gate");
            }
        }
        System.out.printf(Locale.ROOT, "screenshot %dx%d with text (spa+eng): %8.1f ms%n", screenshot.getWidth(),
                screenshot.getHeight(), median(withText));
        System.out.printf(Locale.ROOT, "photo 1600x1200 without text (gate only): %8.3f ms%n", median(photo));
        System.out.printf(Locale.ROOT, "ratio with text / without: %.0f%n", median(withText) / median(photo));
    }

    private static void mix(TesseractReader reader, DoxxingDetector detector, int count) throws IOException {
        System.out.println("\n(3) detector image + text steps on " + count + " messages: 10% screenshots, 20% photos, 70% text");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DetectorMetrics metrics = new DetectorMetrics(registry);
        OcrLanguages languages = new OcrLanguages(Map.of("es", "spa"), Map.of("ES", List.of("spa")), List.of("eng"),
                OcrLanguages.defaultTessdata());
        // The detector's shipped per-message bounds (detector.yaml limits): 100 megapixels, 16,384 characters, 200 entities.
        ImageAnalysis withOcr = new ImageAnalysis(new ImageDecoder(DecodeLimits.defaults()), new PdqHasher(), Optional.empty(),
                100_000_000L, metrics, new TextInImages(Optional.of(reader), languages, 2, Duration.ofSeconds(6)));
        ImageAnalysis withoutOcr = new ImageAnalysis(new ImageDecoder(DecodeLimits.defaults()), new PdqHasher(), Optional.empty(),
                100_000_000L, metrics);
        TextScanning text = new TextScanning(detector, 16_384, 200, registry);
        GroupMetadata group = GroupMetadata.newBuilder().setPlatform("telegram").setChatId("c").setKind(ChatKind.SUPERGROUP)
                .setVisibility(Visibility.PRIVATE).setMemberCount(5000).setCountryHint("ES").setLanguageHint("es")
                .setUpdatedAt(Instant.EPOCH).build();
        List<MessageEvent> messages = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < count; i++) {
            MessageEvent.Builder m = MessageEvent.newBuilder().setPlatform("telegram").setChatId("c").setMessageId("m" + i)
                    .setSenderId("s" + (i % 17)).setSentAt(Instant.EPOCH);
            int kind = i % 10;
            if (kind == 0) {
                List<String> lines = List.of("Chat", "su número " + phone("ES", random), "insta @maria.lopez" + (10 + random.nextInt(89)));
                BufferedImage shot = SyntheticScreenshots.render(lines, SyntheticScreenshots.fontFor(lines, 24).orElseThrow(),
                        SyntheticScreenshots.Background.CHAT_GRADIENT, 0, i);
                m.setMedia(List.of(item("shot" + i, shot, "jpg"))).setText("mirad 👇");
            } else if (kind <= 2) {
                m.setMedia(List.of(item("photo" + i, SyntheticScreenshots.photo(1280, 960, i), "jpg")));
            } else {
                m.setText(i % 7 == 0 ? "su número es 612 34 56 78 escribidle" : "jajaja nos vemos mañana en la plaza");
            }
            messages.add(m.build());
        }
        run(messages, group, withoutOcr, text);
        run(messages, group, withOcr, text);
        double without = run(messages, group, withoutOcr, text);
        double with = run(messages, group, withOcr, text);
        System.out.printf(Locale.ROOT, "without OCR: %8.1f msg/s%n", without);
        System.out.printf(Locale.ROOT, "with OCR:    %8.1f msg/s%n", with);
        System.out.printf(Locale.ROOT, "ratio with / without OCR: %.3f%n", with / without);
    }

    private static double run(List<MessageEvent> messages, GroupMetadata group, ImageAnalysis images, TextScanning text) {
        long start = System.nanoTime();
        int entities = 0;
        for (MessageEvent e : messages) {
            List<MediaAnalysis> media = e.getMedia().stream().map(item -> MediaAnalysis.fetched(item, bytes(item))).toList();
            MessageAnalysis analysed = text.scan(images.analyse(MessageAnalysis.of(e, Optional.of(group), media)));
            entities += analysed.imageTexts().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (entities < 0) {
            System.out.println(entities);
        }
        return messages.size() / seconds;
    }

    private static byte[] bytes(MediaItem item) {
        ByteBuffer b = item.getInlineBytes().duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static MediaItem item(String id, BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return MediaItem.newBuilder().setMediaId(id).setKind(MediaKind.PHOTO).setMime("image/jpeg")
                .setInlineBytes(ByteBuffer.wrap(out.toByteArray())).build();
    }

    /** Fictional numbers in each country's mobile format (valid for libphonenumber, belonging to no one known). */
    private static String phone(String region, Random r) {
        return switch (region) {
            case "ES" -> String.format(Locale.ROOT, "+34 6%02d %02d %02d %02d", r.nextInt(100), r.nextInt(100), r.nextInt(100), r.nextInt(100));
            case "GB" -> String.format(Locale.ROOT, "+44 7%03d %06d", 400 + r.nextInt(500), r.nextInt(1_000_000));
            case "RU" -> String.format(Locale.ROOT, "+7 9%02d %03d-%02d-%02d", 10 + r.nextInt(80), r.nextInt(1000), r.nextInt(100), r.nextInt(100));
            default -> String.format(Locale.ROOT, "+86 13%d %04d %04d", r.nextInt(10), r.nextInt(10_000), r.nextInt(10_000));
        };
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
