package io.vigil.schemas.serde;

import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An Avro binary decoder over one record's bytes that checks every length and count a record declares against the
 * bytes it actually has, before anything is allocated. Avro's own decoder sizes a string, a byte array or a
 * collection from the declared length (a 39-byte record can declare an array of 2^31-17 items or a 2 GB string) and
 * only finds out afterwards that the bytes are not there; the reader has by then allocated gigabytes or thrown
 * {@link OutOfMemoryError}, which no Kafka Streams handler catches.
 *
 * <p>The bounds are exact, not tuned: a string or bytes value of length n takes n bytes, and every collection item of
 * every Vigil contract takes at least one byte ({@link MinimumSize} proves it for each registered schema), so a count
 * or length above the bytes left cannot belong to a well-formed record. Not thread-safe: one per record.
 */
final class BoundedDecoder extends Decoder {

    private final RemainingInput in;
    private final Decoder binary;

    BoundedDecoder(byte[] data, int offset, int length) {
        this.in = new RemainingInput(data, offset, length);
        this.binary = DecoderFactory.get().directBinaryDecoder(in, null);
    }

    /** Bytes not read yet: after a whole record, anything left is garbage that a well-formed record does not have. */
    int remaining() {
        return in.available();
    }

    @Override
    public void readNull() throws IOException {
        binary.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        return binary.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return binary.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return binary.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return binary.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return binary.readDouble();
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = declaredLength("string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        binary.readFixed(result.getBytes(), 0, length);
        return result;
    }

    @Override
    public String readString() throws IOException {
        return readString(null).toString();
    }

    @Override
    public void skipString() throws IOException {
        binary.skipFixed(declaredLength("string"));
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = declaredLength("bytes value");
        byte[] bytes = new byte[length];
        binary.readFixed(bytes, 0, length);
        return ByteBuffer.wrap(bytes);
    }

    @Override
    public void skipBytes() throws IOException {
        binary.skipFixed(declaredLength("bytes value"));
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        requireAvailable(length, "fixed value");
        binary.readFixed(bytes, start, length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        requireAvailable(length, "fixed value");
        binary.skipFixed(length);
    }

    @Override
    public int readEnum() throws IOException {
        return binary.readEnum();
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
        return binary.readIndex();
    }

    /**
     * A block's item count; a negative count is followed by the block's size in bytes (Avro's blocked encoding), which
     * is read and checked here rather than trusted.
     */
    private long readBlockCount() throws IOException {
        long count = binary.readLong();
        if (count < 0) {
            if (count == Long.MIN_VALUE) {
                throw new BoundExceededException("collection declares an impossible item count");
            }
            long blockBytes = binary.readLong();
            if (blockBytes < 0 || blockBytes > in.available()) {
                throw new BoundExceededException("collection block declares " + blockBytes + " bytes but only "
                        + in.available() + " remain");
            }
            count = -count;
        }
        return count;
    }

    private long checkedCount(long count, String what) throws IOException {
        if (count > in.available()) {
            throw new BoundExceededException(what + " declares " + count + " items but only " + in.available()
                    + " bytes remain (every item takes at least one)");
        }
        return count;
    }

    /** Skips whole blocks that carry their size; returns the count of a block that must be skipped item by item. */
    private long skipBlocks(String what) throws IOException {
        while (true) {
            long count = binary.readLong();
            if (count >= 0) {
                return checkedCount(count, what);
            }
            if (count == Long.MIN_VALUE) {
                throw new BoundExceededException(what + " declares an impossible item count");
            }
            long blockBytes = binary.readLong();
            requireAvailable(blockBytes, what + " block");
            binary.skipFixed((int) blockBytes);
        }
    }

    private int declaredLength(String what) throws IOException {
        long length = binary.readLong();
        if (length < 0) {
            throw new BoundExceededException(what + " declares a negative length (" + length + ")");
        }
        requireAvailable(length, what);
        return (int) length;
    }

    private void requireAvailable(long length, String what) throws BoundExceededException {
        if (length > in.available()) {
            throw new BoundExceededException(what + " declares " + length + " bytes but only " + in.available() + " remain");
        }
    }

    /** A ByteArrayInputStream whose {@link #available()} is exactly the bytes not yet read. */
    private static final class RemainingInput extends ByteArrayInputStream {
        RemainingInput(byte[] data, int offset, int length) {
            super(data, offset, length);
        }

        @Override
        public synchronized int available() {
            return count - pos;
        }
    }

    /** A declared length or count that the record's bytes cannot hold: the record is corrupt or hostile. */
    static final class BoundExceededException extends IOException {
        BoundExceededException(String message) {
            super(message);
        }
    }
}
