package io.vigil.detector;

import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.detector.ocr.SyntheticScreenshots;
import io.vigil.detector.ocr.Tesseract;
import io.vigil.detector.ocr.TesseractReader;
import io.vigil.detector.steps.ImageAnalysis;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.PersonalDataEntity;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The number in the screenshot: OCR in the detector topology, entities located in their image. */
class DetectorOcrTest {

    private static TesseractReader ocr;

    @TempDir
    Path blobRoot;

    private DetectorHarness harness;

    @BeforeAll
    static void openOcr() {
        ocr = Tesseract.reader(1, 4, Duration.ofSeconds(20));
        Tesseract.assumeLanguage("spa");
    }

    @AfterAll
    static void closeOcr() {
        if (ocr != null) {
            ocr.close();
        }
    }

    @BeforeEach
    void start() {
        harness = new DetectorHarness(blobRoot, new PdqMatchPolicy(31, true, 50), false, Optional.of(ocr));
        spanishGroup();
    }

    private void spanishGroup() {
        harness.groups.pipeInput("chat-es", GroupMetadata.newBuilder().setPlatform("telegram").setChatId("chat-es")
                .setKind(ChatKind.SUPERGROUP).setVisibility(Visibility.PRIVATE).setMemberCount(9000).setCountryHint("ES")
                .setLanguageHint("es").setUpdatedAt(Instant.EPOCH).build());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aPhoneNumberInAScreenshotIsFoundWithItsImageAndBox() {
        List<String> lines = List.of("Lucía M.", "su número +34 612 34 56 78", "insta @lucia.mrtn04");
        BufferedImage screenshot = SyntheticScreenshots.render(lines, SyntheticScreenshots.fontFor(lines, 28).orElseThrow(),
                SyntheticScreenshots.Background.CHAT_GRADIENT, 0, 11);
        harness.events.pipeInput("chat-es", message("m1", "esta es, escribidle 👇", png("shot", screenshot)));

        Detection detection = harness.detections.readValue();
        assertThat(detection.getText()).isNotNull();
        PersonalDataEntity phone = detection.getText().getEntities().stream()
                .filter(e -> e.getType() == PersonalDataType.PHONE).findFirst().orElseThrow();
        assertThat(phone.getMediaIndex()).isZero();
        assertThat(phone.getBox()).isNotNull();
        assertThat(phone.getBox().getY()).isBetween(100, 180); // the second line, drawn at y = 80 + 28 + 44
        assertThat(phone.getMaskedPreview()).startsWith("+34 6").doesNotContain("612 34 56 78");
        assertThat(detection.getText().getDoxxing()).isTrue();
        assertThat(detection.getText().getReasons()).anyMatch(r -> r.startsWith("in image 1: "));
    }

    @Test
    void aPhotoWithoutTextIsSkippedAndTheDetectionSaysWhy() {
        harness.events.pipeInput("chat-es", message("m2", null, png("photo", SyntheticScreenshots.photo(900, 600, 3))));

        Detection detection = harness.detections.readValue();
        assertThat(detection.getText()).isNull();
        assertThat(detection.getMedia().get(0).getSkipped())
                .anyMatch(s -> s.getStep().equals("ocr") && s.getReason().startsWith("no_text_likely"));
    }

    @Test
    void anAlbumOfScreenshotsIsReadOnlyWithinTheMessagesOcrTimeAndTheDetectionSaysSo() {
        harness.close();
        // The smallest share worth a read: the first screenshot takes some of it, so the next two find too little left.
        harness = new DetectorHarness(blobRoot, new PdqMatchPolicy(31, true, 50), false, Optional.of(ocr),
                ImageAnalysis.SMALLEST_USEFUL_READ);
        spanishGroup();
        List<String> lines = List.of("Marta G.", "llamadla +34 622 11 22 33");
        MediaItem[] album = new MediaItem[3];
        for (int i = 0; i < album.length; i++) {
            album[i] = png("shot" + i, SyntheticScreenshots.render(lines, SyntheticScreenshots.fontFor(lines, 28).orElseThrow(),
                    SyntheticScreenshots.Background.CHAT_GRADIENT, 0, 20 + i));
        }
        harness.events.pipeInput("chat-es", message("m3", null, album));

        Detection detection = harness.detections.readValue();
        assertThat(detection.getMedia()).hasSize(3);
        assertThat(detection.getMedia().get(0).getSkipped()).noneMatch(s -> s.getReason().startsWith("ocr_message_time"));
        for (int i = 1; i < 3; i++) {
            assertThat(detection.getMedia().get(i).getSkipped())
                    .anyMatch(s -> s.getStep().equals("ocr") && s.getReason().startsWith("ocr_message_time"));
        }
        assertThat(detection.getLimits()).anyMatch(l -> l.getCode().equals("message_ocr_time")
                && l.getDetail().startsWith("2 of 3 media items not read by OCR"));
        assertThat(harness.registry.counter("vigil.limits.applied", "limit", "message_ocr_time").count()).isEqualTo(1);
    }

    private static MessageEvent message(String id, String text, MediaItem... media) {
        return MessageEvent.newBuilder().setPlatform("telegram").setChatId("chat-es").setMessageId(id).setSenderId("s")
                .setSentAt(DetectorTopologyTest.T0).setText(text).setMedia(List.of(media)).build();
    }

    private static MediaItem png(String id, BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return MediaItem.newBuilder().setMediaId(id).setKind(MediaKind.PHOTO).setMime("image/png")
                .setInlineBytes(ByteBuffer.wrap(out.toByteArray())).build();
    }
}
