package io.vigil.detector;

import io.vigil.detector.banks.BankKeys;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.Detection;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.SkippedStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The detector on real (benign) images: decoding once, PDQ matching against banks, the nudity classifier. */
class DetectorMediaTest {

    /** The reference's PDQ of photo_like_1280x960.jpg (src/test/resources/pdq/expected.tsv). */
    private static final String PHOTO_PDQ = pdqOf("photo_like_1280x960.jpg");

    @TempDir
    Path blobRoot;

    private DetectorHarness harness;

    @BeforeEach
    void start() {
        harness = new DetectorHarness(blobRoot, new PdqMatchPolicy(31, true, 50), true);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aBankUpdateAfterStartUpMatchesLaterReencodedAndMirroredCopies() {
        harness.events.pipeInput("c", message("before", photo("a", "photo_like_q40_1280x960.jpg")));
        bank(entry("ncii", PHOTO_PDQ, false));
        harness.events.pipeInput("c", message("after", photo("a", "photo_like_bright_1280x960.jpg"), photo("b", "photo_like_mirror_1280x960.jpg"),
                photo("c", "plasma_11_800x600.jpg")));

        List<Detection> out = harness.detections.readValuesToList();
        assertThat(out.get(0).getMedia().get(0).getMatches()).isEmpty();
        List<MediaSignal> after = out.get(1).getMedia();
        assertThat(after.get(0).getMatches()).as("brightened re-upload").singleElement().satisfies(m -> {
            assertThat(m.getSignalType()).isEqualTo(SignalType.PDQ);
            assertThat(m.getBankId()).isEqualTo("ncii");
            assertThat(m.getDistance()).isBetween(1, 31);
        });
        assertThat(after.get(1).getMatches()).as("mirrored re-upload, through a dihedral variant")
                .extracting(HashMatch::getSignalType).containsExactly(SignalType.PDQ);
        assertThat(after.get(2).getMatches()).isEmpty();
        assertThat(after.get(0).getPdq()).hasSize(64);
        assertThat(after.get(0).getPdqQuality()).isEqualTo(100);
    }

    @Test
    void anAllowListEntrySuppressesAPerceptualMatch() {
        bank(entry("third-party", PHOTO_PDQ, false));
        bank(entry("known-harmless", PHOTO_PDQ, true));

        harness.events.pipeInput("c", message("m", photo("a", "photo_like_1280x960.jpg")));

        assertThat(harness.detections.readValue().getMedia().get(0).getMatches()).isEmpty();
        assertThat(harness.registry.counter("vigil.detections.suppressed", "reason", "allow_list").count()).isEqualTo(1);
    }

    @Test
    void twoImagesGetTwoScoredSignalsAndACorruptOneAnErrorWhileTheMessageFlows() {
        byte[] truncated = Arrays.copyOf(fixture("plasma_23_800x600.jpg"), 600);
        harness.events.pipeInput("c", message("album", photo("a", "photo_like_640x480.jpg"), photo("b", "shapes_640x640.png"),
                inline("c", truncated, "image/jpeg")));

        Detection detection = harness.detections.readValue();
        assertThat(detection.getMedia()).hasSize(3);
        for (MediaSignal scored : detection.getMedia().subList(0, 2)) {
            assertThat(scored.getNudity().getModel()).isEqualTo("nsfwjs-mobilenet-v2@4.4.0");
            assertThat(scored.getNudity().getScores()).containsOnlyKeys("drawing", "hentai", "neutral", "porn", "sexy");
            assertThat(scored.getNudity().getScores().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(scored.getErrors()).isEmpty();
        }
        MediaSignal corrupt = detection.getMedia().get(2);
        assertThat(corrupt.getErrors()).extracting(e -> e.getCode()).containsExactly("image_corrupt");
        assertThat(corrupt.getNudity()).isNull();
        assertThat(corrupt.getSha256()).as("exact hashes are still matched").hasSize(64);
        assertThat(harness.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aFlatImageIsNotMatchedPerceptuallyAndTheDetectionSaysWhy() {
        harness.events.pipeInput("c", message("flat", photo("a", "solid_gray_300x300.png")));

        MediaSignal flat = harness.detections.readValue().getMedia().get(0);
        assertThat(flat.getPdqQuality()).isZero();
        assertThat(flat.getSkipped()).extracting(SkippedStep::getStep, s -> s.getReason().split(":")[0])
                .contains(org.assertj.core.groups.Tuple.tuple("pdq_match", "pdq_quality_below_floor"));
    }

    @Test
    void aVideoIsMatchedOnItsExactHashesOnlyAndTheDetectionSaysSo() {
        harness.events.pipeInput("c", message("v", MediaItem.newBuilder().setMediaId("v").setKind(MediaKind.VIDEO).setMime("video/mp4")
                .setInlineBytes(ByteBuffer.wrap(new byte[]{0, 0, 0, 24, 'f', 't', 'y', 'p'})).build()));

        MediaSignal video = harness.detections.readValue().getMedia().get(0);
        assertThat(video.getSha256()).hasSize(64);
        assertThat(video.getPdq()).isNull();
        assertThat(video.getSkipped()).extracting(SkippedStep::getStep).containsExactly("image_analysis");
        assertThat(video.getErrors()).isEmpty();
    }

    @Test
    void anEntryThatSuddenlyMatchesFarMoreThanUsualIsReportedAsAFlood() {
        bank(entry("third-party", PHOTO_PDQ, false));
        for (int i = 0; i < 4; i++) {
            harness.events.pipeInput("c", message("m" + i, photo("a", "photo_like_1280x960.jpg")));
        }

        assertThat(harness.registry.counter("vigil.bank.floods", "bank", "third-party").count()).isEqualTo(1);
    }

    private void bank(HashBankEntry entry) {
        harness.bank.pipeInput(BankKeys.keyOf(entry), entry);
    }

    private static HashBankEntry entry(String bank, String pdq, boolean negative) {
        return HashBankEntry.newBuilder().setBankId(bank).setEntryId(bank + "-1").setCategory(ContentCategory.NCII)
                .setSource(BankSource.STOPNCII).setSignalType(SignalType.PDQ).setValue(pdq).setQuality(100).setNegative(negative)
                .setMetadata(Map.of()).setAddedAt(Instant.EPOCH).build();
    }

    private static MessageEvent message(String id, MediaItem... media) {
        return MessageEvent.newBuilder().setPlatform("telegram").setChatId("c").setMessageId(id).setSenderId("s")
                .setSentAt(DetectorTopologyTest.T0).setMedia(List.of(media)).build();
    }

    private static MediaItem photo(String id, String fixture) {
        return inline(id, fixture(fixture), fixture.endsWith(".png") ? "image/png" : "image/jpeg");
    }

    private static MediaItem inline(String id, byte[] bytes, String mime) {
        return MediaItem.newBuilder().setMediaId(id).setKind(MediaKind.PHOTO).setMime(mime).setInlineBytes(ByteBuffer.wrap(bytes)).build();
    }

    private static byte[] fixture(String name) {
        try (InputStream in = DetectorMediaTest.class.getResourceAsStream("/pdq/images/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pdqOf(String name) {
        try (InputStream in = DetectorMediaTest.class.getResourceAsStream("/pdq/expected.tsv")) {
            return new String(in.readAllBytes()).lines().map(l -> l.split("\t")).filter(f -> f[0].equals(name))
                    .findFirst().orElseThrow()[1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
