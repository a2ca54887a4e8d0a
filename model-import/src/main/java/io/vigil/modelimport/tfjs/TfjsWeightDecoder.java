package io.vigil.modelimport.tfjs;

import io.vigil.modelimport.FloatTensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the concatenated weight shards of a TF.js model into float tensors, as tfjs-core's
 * {@code io.decodeWeights} does: specs are laid out back to back in manifest order, little-endian, and a
 * quantized float32 weight is stored as uint8/uint16 {@code q} standing for {@code q * scale + min}
 * (computed in double precision, then rounded to float32, as JavaScript does into a Float32Array) or as float16.
 */
public final class TfjsWeightDecoder {

    private TfjsWeightDecoder() {}

    public static Map<String, FloatTensor> decode(List<WeightSpec> specs, byte[] shardData) {
        ByteBuffer buffer = ByteBuffer.wrap(shardData).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, FloatTensor> weights = new LinkedHashMap<>();
        for (WeightSpec spec : specs) {
            long count = FloatTensor.sizeOf(spec.shape());
            int bytes = Math.toIntExact(count * storedBytesPerValue(spec));
            if (buffer.remaining() < bytes) {
                throw new IllegalArgumentException("weight " + spec.name() + " needs " + bytes + " bytes but the shards hold only "
                        + buffer.remaining() + " more: the manifest does not match the weight data");
            }
            float[] values = new float[(int) count];
            decodeInto(spec, buffer, values);
            if (weights.put(spec.name(), new FloatTensor(spec.shape(), values)) != null) {
                throw new IllegalArgumentException("weight " + spec.name() + " appears twice in the manifest");
            }
        }
        if (buffer.hasRemaining()) {
            throw new IllegalArgumentException(buffer.remaining() + " bytes of weight data are not described by the manifest");
        }
        return weights;
    }

    private static int storedBytesPerValue(WeightSpec spec) {
        WeightSpec.Quantization q = spec.quantization();
        if (q == null) {
            switch (spec.dtype()) {
                case "float32": case "int32": return 4;
                case "bool": return 1;
                default: throw unsupported(spec);
            }
        }
        switch (q.dtype()) {
            case "uint8": return 1;
            case "uint16": case "float16": return 2;
            default: throw unsupported(spec);
        }
    }

    private static void decodeInto(WeightSpec spec, ByteBuffer buffer, float[] values) {
        WeightSpec.Quantization q = spec.quantization();
        if (q == null) {
            for (int i = 0; i < values.length; i++) {
                switch (spec.dtype()) {
                    case "float32": values[i] = buffer.getFloat(); break;
                    case "int32": values[i] = buffer.getInt(); break;
                    default: values[i] = buffer.get() != 0 ? 1f : 0f; break; // bool
                }
            }
            return;
        }
        if (!spec.dtype().equals("float32")) {
            throw new IllegalArgumentException("weight " + spec.name() + ": quantized " + spec.dtype()
                    + " weights are not supported (only float32)");
        }
        if (q.dtype().equals("float16")) {
            for (int i = 0; i < values.length; i++) {
                values[i] = halfToFloat(buffer.getShort());
            }
            return;
        }
        if (Double.isNaN(q.scale()) || Double.isNaN(q.min())) {
            throw new IllegalArgumentException("weight " + spec.name() + ": " + q.dtype() + " quantization needs scale and min");
        }
        boolean wide = q.dtype().equals("uint16");
        for (int i = 0; i < values.length; i++) {
            int stored = wide ? Short.toUnsignedInt(buffer.getShort()) : Byte.toUnsignedInt(buffer.get());
            values[i] = (float) (stored * q.scale() + q.min());
        }
    }

    /** IEEE 754 binary16 to binary32 (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) { // infinity or NaN
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) { // zero or subnormal: mantissa * 2^-24
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 127 - 15) << 23) | (mantissa << 13));
    }

    private static IllegalArgumentException unsupported(WeightSpec spec) {
        return new IllegalArgumentException("weight " + spec.name() + ": unsupported dtype " + spec.dtype()
                + (spec.quantization() == null ? "" : " quantized as " + spec.quantization().dtype()));
    }
}
