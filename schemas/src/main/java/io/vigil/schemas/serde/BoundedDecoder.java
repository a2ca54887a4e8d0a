package io.vigil.schemas.serde;

import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An Avro binary decoder over one record's bytes that checks every length and count a record declares against the
 * bytes it actually has, before anything is allocated. Avro's own decoder sizes a string, a byte array or a
 * collection from the declared length (a 39-byte record can declare an array of 2^31-17 items or a 2 GB string) and
 * only finds out afterwards that the bytes are not there; the reader has by then allocated gigabytes or thrown
 * {@link OutOfMemoryError}, which no Kafka Streams handler catches.
 *
 * <p>The bounds are exact, not tuned: a string or bytes value of length n takes n bytes, and every collection item of
 * every Vigil contract takes at least one byte ({@link MinimumSize} proves it for each registered schema), so a count
 * or length above the bytes left cannot belong to a well-formed record. It reads the record's byte array directly
 * (Avro's binary encoding: zig-zag varints, little-endian floats, length-prefixed bytes), which also spares the
 * per-byte calls of a stream. Not thread-safe: one per record.
 */
final class BoundedDecoder extends Decoder {

    private final byte[] data;
    private final int end;
    private int pos;

    BoundedDecoder(byte[] data, int offset, int length) {
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
    }

    /** Bytes not read yet: after a whole record, anything left is garbage that a well-formed record does not have. */
    int remaining() {
        return end - pos;
    }

    @Override
    public void readNull() {
    }

    @Override
    public boolean readBoolean() throws IOException {
        requireBytes(1, "a boolean");
        return data[pos++] == 1;
    }

    @Override
    public int readInt() throws IOException {
        int n = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            requireBytes(1, "an int");
            int b = data[pos++] & 0xFF;
            n |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (n >>> 1) ^ -(n & 1);
            }
        }
        throw new BoundExceededException("an int takes more than 5 bytes");
    }

    @Override
    public long readLong() throws IOException {
        long n = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            requireBytes(1, "a long");
            long b = data[pos++] & 0xFF;
            n |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (n >>> 1) ^ -(n & 1);
            }
        }
        throw new BoundExceededException("a long takes more than 10 bytes");
    }

    @Override
    public float readFloat() throws IOException {
        requireBytes(4, "a float");
        int bits = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8 | (data[pos + 2] & 0xFF) << 16 | (data[pos + 3] & 0xFF) << 24;
        pos += 4;
        return Float.intBitsToFloat(bits);
    }

    @Override
    public double readDouble() throws IOException {
        requireBytes(8, "a double");
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = bits << 8 | (data[pos + i] & 0xFFL);
        }
        pos += 8;
        return Double.longBitsToDouble(bits);
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = declaredLength("string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        System.arraycopy(data, pos, result.getBytes(), 0, length);
        pos += length;
        return result;
    }

    @Override
    public String readString() throws IOException {
        int length = declaredLength("string");
        String value = new String(data, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return value;
    }

    @Override
    public void skipString() throws IOException {
        int length = declaredLength("string"); // not `pos += declaredLength(..)`: that adds to pos as it was before the length
        pos += length;
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = declaredLength("bytes value");
        ByteBuffer bytes = ByteBuffer.wrap(Arrays.copyOfRange(data, pos, pos + length));
        pos += length;
        return bytes;
    }

    @Override
    public void skipBytes() throws IOException {
        int length = declaredLength("bytes value");
        pos += length;
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        requireAvailable(length, "fixed value");
        System.arraycopy(data, pos, bytes, start, length);
        pos += length;
    }

    @Override
    public void skipFixed(int length) throws IOException {
        requireAvailable(length, "fixed value");
        pos += length;
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public long readArrayStart() throws IOException {
        return checkedCount(readBlockCount(), "array");
    }

    @Override
    public long arrayNext() throws IOException {
        return checkedCount(readBlockCount(), "array");
    }

    @Override
    public long skipArray() throws IOException {
        return skipBlocks("array");
    }

    @Override
    public long readMapStart() throws IOException {
        return checkedCount(readBlockCount(), "map");
    }

    @Override
    public long mapNext() throws IOException {
        return checkedCount(readBlockCount(), "map");
    }

    @Override
    public long skipMap() throws IOException {
        return skipBlocks("map");
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    /**
     * A block's item count; a negative count is followed by the block's size in bytes (Avro's blocked encoding), which
     * is read and checked here rather than trusted.
     */
    private long readBlockCount() throws IOException {
        long count = readLong();
        if (count < 0) {
            if (count == Long.MIN_VALUE) {
                throw new BoundExceededException("collection declares an impossible item count");
            }
            long blockBytes = readLong();
            if (blockBytes < 0 || blockBytes > remaining()) {
                throw new BoundExceededException("collection block declares " + blockBytes + " bytes but only "
                        + remaining() + " remain");
            }
            count = -count;
        }
        return count;
    }

    private long checkedCount(long count, String what) throws IOException {
        if (count > remaining()) {
            throw new BoundExceededException(what + " declares " + count + " items but only " + remaining()
                    + " bytes remain (every item takes at least one)");
        }
        return count;
    }

    /** Skips whole blocks that carry their size; returns the count of a block that must be skipped item by item. */
    private long skipBlocks(String what) throws IOException {
        while (true) {
            long count = readLong();
            if (count >= 0) {
                return checkedCount(count, what);
            }
            if (count == Long.MIN_VALUE) {
                throw new BoundExceededException(what + " declares an impossible item count");
            }
            long blockBytes = readLong();
            if (blockBytes < 0) {
                throw new BoundExceededException(what + " block declares a negative size (" + blockBytes + ")");
            }
            requireAvailable(blockBytes, what + " block");
            pos += (int) blockBytes;
        }
    }

    private int declaredLength(String what) throws IOException {
        long length = readLong();
        if (length < 0) {
            throw new BoundExceededException(what + " declares a negative length (" + length + ")");
        }
        requireAvailable(length, what);
        return (int) length;
    }

    private void requireAvailable(long length, String what) throws BoundExceededException {
        if (length > remaining()) {
            throw new BoundExceededException(what + " declares " + length + " bytes but only " + remaining() + " remain");
        }
    }

    /** The record ends inside a value of a fixed encoding: it was cut short. */
    private void requireBytes(int length, String what) throws BoundExceededException {
        if (length > remaining()) {
            throw new BoundExceededException("the record ends inside " + what + " (" + remaining() + " bytes left)");
        }
    }

    /** A declared length or count that the record's bytes cannot hold: the record is corrupt or hostile. */
    static final class BoundExceededException extends IOException {
        BoundExceededException(String message) {
            super(message);
        }
    }
}
