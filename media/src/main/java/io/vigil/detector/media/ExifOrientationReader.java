package io.vigil.detector.media;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads the EXIF orientation of a JPEG from its APP1 "Exif" segment, without decoding pixels. A missing or
 * unreadable EXIF block means "as stored": orientation is a display hint, never a reason to reject an image.
 */
final class ExifOrientationReader {

    private ExifOrientationReader() {
    }

    static ExifOrientation ofJpeg(byte[] bytes) {
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return ExifOrientation.TOP_LEFT;
            }
            InputStream data = segments.get(0).data();
            if (data.read() < 0) { // the identifier "Exif" is followed by two NULs; data() starts at the second
                return ExifOrientation.TOP_LEFT;
            }
            try (ImageInputStream tiff = new MemoryCacheImageInputStream(data)) {
                Directory ifd0 = new TIFFReader().read(tiff);
                Entry entry = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
                if (entry != null && entry.getValue() instanceof Number n) {
                    return ExifOrientation.ofTagValue(n.intValue());
                }
                return ExifOrientation.TOP_LEFT;
            }
        } catch (IOException | RuntimeException unreadable) {
            return ExifOrientation.TOP_LEFT;
        }
    }
}
