package io.vigil.modelimport.tfjs;

import io.vigil.modelimport.FloatTensor;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TfjsWeightDecoderTest {

    @Test
    void decodesFloatAndQuantizedWeightsBackToBack() {
        ByteBuffer data = ByteBuffer.allocate(2 * 4 + 3 + 2 * 2 + 2 * 2).order(ByteOrder.LITTLE_ENDIAN);
        data.putFloat(1.5f).putFloat(-2.25f);
        data.put((byte) 0).put((byte) 128).put((byte) 255);
        data.putShort((short) 0).putShort((short) 65535);
        data.putShort((short) 0x3C00).putShort((short) 0xC000); // float16 1.0 and -2.0

        Map<String, FloatTensor> weights = TfjsWeightDecoder.decode(List.of(
                new WeightSpec("plain", new int[] {2}, "float32", null),
                new WeightSpec("q8", new int[] {3}, "float32", new WeightSpec.Quantization("uint8", 0.01, -1.0)),
                new WeightSpec("q16", new int[] {1, 2}, "float32", new WeightSpec.Quantization("uint16", 0.001, 0.5)),
                new WeightSpec("half", new int[] {2}, "float32", new WeightSpec.Quantization("float16", Double.NaN, Double.NaN))),
                data.array());

        assertThat(weights.get("plain").data()).containsExactly(1.5f, -2.25f);
        assertThat(weights.get("q8").data()).containsExactly((float) -1.0, (float) (128 * 0.01 - 1.0), (float) (255 * 0.01 - 1.0));
        assertThat(weights.get("q16").shape()).containsExactly(1, 2);
        assertThat(weights.get("q16").data()).containsExactly(0.5f, (float) (65535 * 0.001 + 0.5));
        assertThat(weights.get("half").data()).containsExactly(1.0f, -2.0f);
    }

    @Test
    void halfPrecisionCoversSubnormalsAndSpecials() {
        assertThat(TfjsWeightDecoder.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(TfjsWeightDecoder.halfToFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(TfjsWeightDecoder.halfToFloat((short) 0x8000)).isEqualTo(-0.0f);
        assertThat(TfjsWeightDecoder.halfToFloat((short) 0x3555)).isEqualTo(0.33325195f);
    }

    @Test
    void manifestAndDataMustAgree() {
        List<WeightSpec> one = List.of(new WeightSpec("w", new int[] {2}, "float32", null));
        assertThatThrownBy(() -> TfjsWeightDecoder.decode(one, new byte[4])).hasMessageContaining("weight w needs 8 bytes");
        assertThatThrownBy(() -> TfjsWeightDecoder.decode(one, new byte[12])).hasMessageContaining("4 bytes of weight data are not described");
    }
}
