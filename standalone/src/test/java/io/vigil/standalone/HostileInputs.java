package io.vigil.standalone;

import io.vigil.schemas.serde.SchemaHistory;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Bytes no honest producer writes, built by hand: records with a wrong marker or fingerprint, cut short or padded, or
 * declaring lengths and counts their bytes do not hold; and images that are bombs, corrupt or of no supported format.
 * All benign: no image here shows anything but flat colour and rectangles.
 */
final class HostileInputs {

    private HostileInputs() {
    }

    /** Something that writes the rest of a record's body after its header. */
    interface Body {
        void write(BinaryEncoder body) throws IOException;
    }

    /** A single-object record of {@code schema} whose body {@code body} writes, without any check. */
    static byte[] record(Schema schema, Body body) {
        return record((byte) 0xC3, (byte) 0x01, SchemaHistory.fingerprint(schema), body);
    }

    static byte[] record(byte marker0, byte marker1, long fingerprint, Body body) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[]{marker0, marker1});
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(fingerprint).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            body.write(encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A marker other than Avro's single-object marker on an otherwise valid record. */
    static byte[] wrongMarker(byte[] valid) {
        byte[] bytes = valid.clone();
        bytes[1] = 0x02;
        return bytes;
    }

    /** A fingerprint of no released schema on an otherwise valid record. */
    static byte[] unknownFingerprint(byte[] valid) {
        byte[] bytes = valid.clone();
        for (int i = 2; i < 10; i++) {
            bytes[i] = (byte) (bytes[i] ^ 0x5A);
        }
        return bytes;
    }

    static byte[] truncated(byte[] valid) {
        return Arrays.copyOf(valid, valid.length / 2);
    }

    static byte[] padded(byte[] valid) {
        return Arrays.copyOf(valid, valid.length + 7);
    }

    /** A valid PNG header declaring {@code width x height} pixels, then a token of image data. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[]{0x78, (byte) 0x9c, 0x63, 0, 0, 0, 1, 0, 1});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A real, complete PNG of one bit per pixel and one colour: a few kilobytes that inflate to {@code width x height}. */
    static byte[] decompressionBomb(int width, int height) {
        return png(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY));
    }

    /** A large, benign, flat picture with one rectangle. */
    static byte[] largeFlatPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 140, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(width / 4, height / 4, width / 3, height / 3);
        g.dispose();
        return png(image);
    }

    /** A JPEG start-of-image marker followed by noise. */
    static byte[] corruptJpeg() {
        byte[] bytes = new byte[2048];
        new java.util.Random(7).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    /** The start of a little-endian TIFF: an image format the detector does not read. */
    static byte[] tiff() {
        byte[] bytes = new byte[64];
        bytes[0] = 'I';
        bytes[1] = 'I';
        bytes[2] = 42;
        return bytes;
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
