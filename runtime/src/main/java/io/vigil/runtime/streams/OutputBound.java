package io.vigil.runtime.streams;

import io.vigil.runtime.errors.RejectedRecordException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.ValueMapper;

/**
 * The last step before a sink: encodes the output and refuses it, as a dead letter with reason
 * {@code output_too_large}, when it exceeds the service's record limit. Refused here, in the processing step, the
 * dead letter is written in the record's own healthy transaction; refused by the broker, the whole transaction would
 * fail and the record would be processed again, and again. Steps that can shrink an output without losing its meaning
 * (the detector trims a Detection and says so) do so before this last line.
 */
public final class OutputBound {

    public static final String TOO_LARGE = "output_too_large";

    private OutputBound() {
    }

    /** Encodes each value once, for a sink that writes the bytes as they are ({@code Serdes.ByteArray()}). */
    public static <V> ValueMapper<V, byte[]> encode(Serializer<V> serializer, String topic, int maxBytes) {
        return value -> {
            byte[] bytes = serializer.serialize(topic, value);
            check(bytes, topic, maxBytes);
            return bytes;
        };
    }

    /** Checks each value's encoded size and passes it on unchanged, for sinks that also need the value itself. */
    public static <V> ValueMapper<V, V> check(Serializer<V> serializer, String topic, int maxBytes) {
        return value -> {
            check(serializer.serialize(topic, value), topic, maxBytes);
            return value;
        };
    }

    private static void check(byte[] bytes, String topic, int maxBytes) {
        if (bytes != null && bytes.length > maxBytes) {
            throw new RejectedRecordException(TOO_LARGE, "the " + topic + " record for this input would be "
                    + bytes.length + " bytes, above the limit of " + maxBytes + " (kafka.max-record-bytes)");
        }
    }
}
