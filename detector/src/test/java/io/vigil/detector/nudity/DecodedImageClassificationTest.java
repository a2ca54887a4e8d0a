package io.vigil.detector.nudity;

import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFEntry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFWriter;
import io.vigil.detector.media.DecodeLimits;
import io.vigil.detector.media.DecodeRequest;
import io.vigil.detector.media.DecodedImage;
import io.vigil.detector.media.ExifOrientation;
import io.vigil.detector.media.ImageDecoder;
import io.vigil.detector.pdq.PdqHasher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The detector decodes each media item once with the shared decoder and hands the same {@link DecodedImage} to PDQ
 * and to the classifier: the classifier takes the decoder's EXIF orientation and refuses a decode without colour.
 */
class DecodedImageClassificationTest {

    private static final ImageDecoder DECODER = new ImageDecoder(DecodeLimits.defaults());

    private static NudityClassifier classifier;

    @BeforeAll
    static void open() {
        classifier = NudityClassifier.openDefault(RuntimeOptions.cpu());
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    void oneDecodeServesHashingAndClassifyingWithTheOrientationFromItsExif() throws Exception {
        BufferedImage upright = SyntheticImages.landscape(480, 320, BufferedImage.TYPE_3BYTE_BGR);
        byte[] sidewaysPhoto = withExifOrientation(jpeg(SyntheticImages.storedForOrientation(upright, ExifOrientation.RIGHT_TOP)),
                ExifOrientation.RIGHT_TOP);

        DecodeRequest both = PdqHasher.FAST_DECODE.and(NudityClassifier.DECODE_REQUEST);
        DecodedImage decoded = DECODER.decode(sidewaysPhoto, both);
        assertThat(decoded.luminanceOnly()).as("the classifier's request asks for colour").isFalse();
        assertThat(decoded.orientation()).isEqualTo(ExifOrientation.RIGHT_TOP);
        assertThat(decoded.width()).as("stored sideways").isEqualTo(320);

        NudityScores scores = classifier.classify(decoded);
        NudityScores shownUpright = classifier.classify(ExifOrientation.RIGHT_TOP.applyTo(decoded.image()), ExifOrientation.TOP_LEFT);
        assertThat(scores.classScores()).as("scored as a viewer shows it").isEqualTo(shownUpright.classScores());
        assertThat(scores.classScores()).as("the orientation matters to the model")
                .isNotEqualTo(classifier.classify(decoded.image(), ExifOrientation.TOP_LEFT).classScores());
        assertThat(classifier.classifyAll(List.of(NudityClassifier.Input.of(decoded))).get(0).classScores())
                .isEqualTo(scores.classScores());

        assertThat(new PdqHasher().hash(decoded.image()))
                .as("PDQ from the shared decode is the reference-exact hash")
                .isEqualTo(new PdqHasher().hash(DECODER.decode(sidewaysPhoto, PdqHasher.EXACT_DECODE).image()));
    }

    @Test
    void aLuminanceOnlyDecodeIsRefusedRatherThanScoredAsGrey() throws Exception {
        DecodedImage grey = DECODER.decode(jpeg(SyntheticImages.landscape(160, 120, BufferedImage.TYPE_3BYTE_BGR)), PdqHasher.FAST_DECODE);
        assertThat(grey.luminanceOnly()).isTrue();
        assertThatThrownBy(() -> classifier.classify(grey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decoded as luminance only")
                .hasMessageContaining("NudityClassifier.DECODE_REQUEST");
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "jpeg", out)).isTrue();
        return out.toByteArray();
    }

    /** The JPEG with an APP1 "Exif" segment holding one IFD with the orientation tag, right after SOI. */
    private static byte[] withExifOrientation(byte[] jpeg, ExifOrientation orientation) throws IOException {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(tiff)) {
            new TIFFWriter().write(List.of(new TIFFEntry(TIFF.TAG_ORIENTATION, TIFF.TYPE_SHORT, (short) orientation.tagValue())), stream);
        }
        byte[] identifier = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = Short.BYTES + identifier.length + tiff.size();
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
        out.put(jpeg, 0, 2);                                               // SOI
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(identifier).put(tiff.toByteArray());
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }
}
