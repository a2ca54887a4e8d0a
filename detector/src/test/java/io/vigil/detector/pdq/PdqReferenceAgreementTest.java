package io.vigil.detector.pdq;

import io.vigil.pdq.Hash256;
import io.vigil.pdq.Dihedral;
import io.vigil.pdq.PdqHash;
import io.vigil.pdq.PdqHashes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detector.media.DecodeLimits;
import io.vigil.detector.media.DecodeRequest;
import io.vigil.detector.media.DecodedImage;
import io.vigil.detector.media.ImageDecoder;
import io.vigil.detector.media.ImageFormat;
import io.vigil.detector.pdq.PdqFixtures.Fixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Agreement with the Java reference on the fixtures: every usable fixture within 2 bits, at least 95% bit-exact,
 * quality equal, for the hash and its 8 dihedral variants.
 */
class PdqReferenceAgreementTest {

    private static final int MAX_BITS_FROM_REFERENCE = 2;
    private static final double MIN_EXACT_SHARE = 0.95;
    /**
     * TwelveMonkeys' VP8 decoder renders the sticker 1.6 grey levels darker on average than libwebp (rms 2.6,
     * darker in the shadows), which the reference's row was made with; the hash moves 10 bits. Still far inside
     * the match threshold (31); the PNG that libwebp decodes it to hashes bit-exactly.
     */
    private static final int MAX_BITS_OTHER_WEBP_DECODER = 12;

    private final ImageDecoder decoder = new ImageDecoder(DecodeLimits.defaults());
    private final PdqHasher hasher = new PdqHasher();

    @Test
    void hashesAndDihedralsAgreeWithTheReference() throws Exception {
        List<String> report = new ArrayList<>();
        int compared = 0;
        int exact = 0;
        for (Fixture fixture : PdqFixtures.all()) {
            DecodedImage image = decoder.decode(PdqFixtures.image(fixture.file()), DecodeRequest.fullColour());
            PdqHashes hashes = hasher.hashAllDihedrals(image.image());

            assertThat(hashes.quality()).as("quality of %s", fixture.file()).isEqualTo(fixture.quality());
            assertThat(hasher.hash(image.image())).as("single hash of %s", fixture.file())
                    .isEqualTo(hashes.asPdqHash());
            if (fixture.isFlat()) {
                continue; // README: a flat image has no usable hash; only its quality (0) is defined
            }
            int limit = image.format() == ImageFormat.WEBP ? MAX_BITS_OTHER_WEBP_DECODER : MAX_BITS_FROM_REFERENCE;
            boolean allExact = true;
            for (Dihedral variant : Dihedral.values()) {
                Hash256 expected = fixture.file().equals(PdqFixtures.GREY_JPEG)
                        ? (variant == Dihedral.ORIGINAL ? PdqFixtures.GREY_JPEG_STORED_VALUE_HASH : null)
                        : fixture.expected(variant);
                if (expected == null) {
                    continue; // the README gives the stored-grey value for the original only
                }
                int distance = hashes.get(variant).distance(expected);
                report.add(fixture.file() + " " + variant + " " + distance);
                assertThat(distance).as("%s %s: %s vs reference %s", fixture.file(), variant,
                        hashes.get(variant), expected).isLessThanOrEqualTo(limit);
                allExact &= distance == 0;
            }
            compared++;
            if (allExact) {
                exact++;
            }
        }
        assertThat((double) exact / compared).as("share of bit-exact fixtures (%d of %d): %s", exact, compared,
                report).isGreaterThanOrEqualTo(MIN_EXACT_SHARE);
    }

    @Test
    void theGreyJpegIsHashedFromItsStoredGreyValues() throws Exception {
        DecodedImage image = decoder.decode(PdqFixtures.image(PdqFixtures.GREY_JPEG), DecodeRequest.fullColour());
        assertThat(hasher.hash(image.image()).hash()).isEqualTo(PdqFixtures.GREY_JPEG_STORED_VALUE_HASH);
    }

    @Test
    void luminanceOnlyDecodingStaysWithinTheFixtureTolerance() throws Exception {
        // A luminance-only JPEG decode hashes libjpeg's Y component instead of the luma of the rounded and
        // clamped RGB: the same signal up to +-0.5 grey levels per pixel, so a coefficient next to the median now
        // and then swaps sides (2 bits).
        for (Fixture fixture : PdqFixtures.all()) {
            byte[] bytes = PdqFixtures.image(fixture.file());
            if (ImageFormat.sniff(bytes).orElseThrow() != ImageFormat.JPEG) {
                continue;
            }
            DecodedImage image = decoder.decode(bytes, DecodeRequest.luminanceOnly());
            assertThat(image.luminanceOnly()).isTrue();
            Hash256 expected = fixture.file().equals(PdqFixtures.GREY_JPEG)
                    ? PdqFixtures.GREY_JPEG_STORED_VALUE_HASH : fixture.hash();
            PdqHash hash = hasher.hash(image.image());
            assertThat(hash.hash().distance(expected)).as(fixture.file()).isLessThanOrEqualTo(MAX_BITS_FROM_REFERENCE);
            assertThat(hash.quality()).as(fixture.file()).isEqualTo(fixture.quality());
        }
    }

    @Test
    void thePhotoUnderTransformsIsCaughtAtTheDefaultThresholdExceptTheCrop() throws Exception {
        // README: photo_like_* are one scene under transforms. Resizing, recompression and brightness stay within
        // the published threshold (31); rotation and mirroring only through a dihedral variant; a 5% crop moves
        // PDQ 42 bits in the reference too (PDQ is not crop-robust), so it needs a looser threshold or another
        // signal.
        PdqHashes base = hashesOf("photo_like_1280x960.jpg");
        for (String other : List.of("photo_like_640x480.jpg", "photo_like_q40_1280x960.jpg",
                "photo_like_bright_1280x960.jpg", "photo_like_1280x960.png")) {
            assertThat(base.original().distance(hashesOf(other).original())).as(other).isLessThanOrEqualTo(31);
        }
        Hash256 mirrored = hashesOf("photo_like_mirror_1280x960.jpg").original();
        assertThat(base.original().distance(mirrored)).isGreaterThan(31);
        assertThat(base.get(Dihedral.FLIP_Y).distance(mirrored)).isLessThanOrEqualTo(31);
        Hash256 rotated = hashesOf("photo_like_rot90_960x1280.jpg").original();
        assertThat(base.original().distance(rotated)).isGreaterThan(31);
        assertThat(Dihedral.values()).anySatisfy(v -> assertThat(base.get(v).distance(rotated)).isLessThanOrEqualTo(31));
        assertThat(base.original().distance(hashesOf("photo_like_crop5_1216x912.jpg").original()))
                .isEqualTo(byName("photo_like_1280x960.jpg").hash().distance(byName("photo_like_crop5_1216x912.jpg").hash()))
                .isGreaterThan(31);
    }

    private PdqHashes hashesOf(String file) throws Exception {
        return hasher.hashAllDihedrals(decoder.decode(PdqFixtures.image(file), DecodeRequest.fullColour()).image());
    }

    private static Fixture byName(String file) {
        return PdqFixtures.all().stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow();
    }
}
