package io.vigil.modelimport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FloatTensorTest {

    @Test
    void permuteMovesEveryElementToItsTransposedIndex() {
        int[] shape = {2, 3, 4, 5};
        float[] data = new float[120];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        FloatTensor kernel = new FloatTensor(shape, data);
        FloatTensor onnx = kernel.permute(3, 2, 0, 1); // [kh, kw, in, out] -> [out, in, kh, kw]
        assertThat(onnx.shape()).containsExactly(5, 4, 2, 3);
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 3; b++) {
                for (int c = 0; c < 4; c++) {
                    for (int d = 0; d < 5; d++) {
                        float expected = ((a * 3 + b) * 4 + c) * 5 + d;
                        assertThat(onnx.get(((d * 4 + c) * 2 + a) * 3 + b)).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void rejectsDataThatDoesNotFitTheShape() {
        assertThatThrownBy(() -> new FloatTensor(new int[] {2, 2}, new float[3])).hasMessageContaining("needs 4 values, got 3");
        assertThatThrownBy(() -> new FloatTensor(new int[] {2, 2}, new float[4]).permute(0, 0)).hasMessageContaining("not a permutation");
    }
}
