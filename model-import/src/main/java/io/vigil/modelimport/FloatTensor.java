package io.vigil.modelimport;

import java.util.Arrays;

/** A dense float32 tensor in row-major order: the weights the importer reads, rearranges and writes. */
public final class FloatTensor {

    private final int[] shape;
    private final float[] data;

    public FloatTensor(int[] shape, float[] data) {
        long size = sizeOf(shape);
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size
                    + " values, got " + data.length);
        }
        this.shape = shape.clone();
        this.data = data;
    }

    public static long sizeOf(int[] shape) {
        long size = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            size *= dim;
        }
        return size;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return data.length;
    }

    /** The backing values, not copied: callers that change them own the tensor. */
    public float[] data() {
        return data;
    }

    public float get(int index) {
        return data[index];
    }

    public FloatTensor reshape(int... newShape) {
        return new FloatTensor(newShape, data);
    }

    /**
     * Reorders the axes: result axis {@code i} is this tensor's axis {@code axes[i]} (numpy's transpose).
     * Keras stores a convolution kernel as [kh, kw, in, out]; ONNX wants [out, in, kh, kw], i.e. permute(3, 2, 0, 1).
     */
    public FloatTensor permute(int... axes) {
        if (axes.length != shape.length) {
            throw new IllegalArgumentException("permutation " + Arrays.toString(axes) + " does not fit rank " + shape.length);
        }
        int rank = shape.length;
        int[] newShape = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            if (axes[i] < 0 || axes[i] >= rank || seen[axes[i]]) {
                throw new IllegalArgumentException("not a permutation: " + Arrays.toString(axes));
            }
            seen[axes[i]] = true;
            newShape[i] = shape[axes[i]];
        }
        int[] sourceStrides = strides(shape);
        int[] stepInSource = new int[rank];
        for (int i = 0; i < rank; i++) {
            stepInSource[i] = sourceStrides[axes[i]];
        }
        float[] out = new float[data.length];
        int[] index = new int[rank];
        int source = 0;
        for (int target = 0; target < out.length; target++) {
            out[target] = data[source];
            for (int axis = rank - 1; axis >= 0; axis--) { // odometer over the result's indices
                index[axis]++;
                source += stepInSource[axis];
                if (index[axis] < newShape[axis]) {
                    break;
                }
                source -= stepInSource[axis] * newShape[axis];
                index[axis] = 0;
            }
        }
        return new FloatTensor(newShape, out);
    }

    private static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= shape[i];
        }
        return strides;
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
