package io.vigil.detector.nudity;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.vigil.runtime.nativelibs.OnnxRuntimeNativeLibraries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One ONNX Runtime session per model and runtime settings for the whole process, shared by every classifier that
 * asks for it (sessions are thread-safe for {@code run}; creating one costs time and a copy of the weights) and
 * closed when the last of them closes.
 */
final class SharedSessions {

    private static final Logger LOG = LoggerFactory.getLogger(SharedSessions.class);

    private record Key(String onnxLocation, int intraOpThreads, ExecutionProvider provider, int cudaDevice) {}

    private static final class Entry {
        final OrtSession session;
        final OrtSession.SessionOptions sessionOptions;
        final ExecutionProvider provider;
        int users;

        Entry(OrtSession session, OrtSession.SessionOptions sessionOptions, ExecutionProvider provider) {
            this.session = session;
            this.sessionOptions = sessionOptions;
            this.provider = provider;
        }
    }

    /** A classifier's hold on a shared session; {@link #release()} once. */
    record Lease(OrtSession session, ExecutionProvider provider, Runnable release) {}

    private static final Map<Key, Entry> SESSIONS = new HashMap<>();

    private SharedSessions() {}

    static synchronized Lease acquire(ClassifierModel model, RuntimeOptions options) {
        Key key = new Key(model.onnxLocation().toString(), options.intraOpThreads(), options.provider(), options.cudaDevice());
        Entry entry = SESSIONS.get(key);
        boolean opened = entry == null;
        if (opened) {
            entry = open(model, options);
        }
        // Every descriptor is checked against the model, also one that finds the session already open.
        List<String> problems;
        try {
            problems = checkAgainstDescriptor(entry.session, model.descriptor());
        } catch (OrtException e) {
            problems = List.of("ONNX Runtime cannot describe the model: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            if (opened) {
                close(key, entry);
            }
            throw new InvalidModelException(model.source() + " (" + model.onnxLocation() + ")", problems);
        }
        SESSIONS.put(key, entry);
        entry.users++;
        Entry held = entry;
        boolean[] released = {false};
        return new Lease(entry.session, entry.provider, () -> release(key, held, released));
    }

    /** How many distinct sessions are open in this process. */
    static synchronized int openSessions() {
        return SESSIONS.size();
    }

    private static synchronized void release(Key key, Entry entry, boolean[] released) {
        if (released[0]) {
            return;
        }
        released[0] = true;
        if (--entry.users == 0) {
            SESSIONS.remove(key);
            close(key, entry);
        }
    }

    private static void close(Key key, Entry entry) {
        try {
            entry.session.close();
        } catch (OrtException e) {
            LOG.warn("closing the ONNX Runtime session for {} failed", key.onnxLocation(), e);
        }
        entry.sessionOptions.close();
    }

    private static Entry open(ClassifierModel model, RuntimeOptions options) {
        // Before ONNX Runtime's first use: it would otherwise copy its libraries into a temporary directory that a killed
        // detector never deletes.
        OnnxRuntimeNativeLibraries.prepare();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions();
        try {
            sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            sessionOptions.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            sessionOptions.setIntraOpNumThreads(options.intraOpThreads());
            sessionOptions.setInterOpNumThreads(1);
            // Idle intra-op threads would otherwise spin, taking cores from the stream threads beside them.
            sessionOptions.addConfigEntry("session.intra_op.allow_spinning", "0");
            ExecutionProvider provider = addProvider(sessionOptions, options);
            OrtSession session = env.createSession(model.readOnnx(), sessionOptions);
            LOG.info("nudity model {} loaded on {} ({} intra-op threads)", model.id(), provider,
                    options.intraOpThreads() == 0 ? "default" : options.intraOpThreads());
            return new Entry(session, sessionOptions, provider);
        } catch (OrtException e) {
            sessionOptions.close();
            throw new InvalidModelException("ONNX Runtime cannot load " + model.onnxLocation() + " for " + model.source()
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            sessionOptions.close();
            throw e;
        }
    }

    private static ExecutionProvider addProvider(OrtSession.SessionOptions sessionOptions, RuntimeOptions options) {
        if (options.provider() != ExecutionProvider.CUDA) {
            return ExecutionProvider.CPU;
        }
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            LOG.warn("CUDA was asked for, but this ONNX Runtime build has no CUDA provider (use the onnxruntime_gpu "
                    + "artifact); running on the CPU");
            return ExecutionProvider.CPU;
        }
        try {
            sessionOptions.addCUDA(options.cudaDevice());
            return ExecutionProvider.CUDA;
        } catch (OrtException e) {
            LOG.warn("CUDA device {} is not usable ({}); running on the CPU", options.cudaDevice(), e.getMessage());
            return ExecutionProvider.CPU;
        }
    }

    /** The ONNX model must have the input and output the descriptor names, with compatible shapes. */
    static List<String> checkAgainstDescriptor(OrtSession session, ModelDescriptor descriptor) throws OrtException {
        List<String> problems = new ArrayList<>();
        Map<String, NodeInfo> inputs = session.getInputInfo();
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        NodeInfo input = inputs.get(descriptor.input().name());
        if (input == null) {
            problems.add("input.name '" + descriptor.input().name() + "' is not an input of the ONNX model (inputs: " + inputs.keySet() + ")");
        } else if (input.getInfo() instanceof TensorInfo tensor) {
            long[] expected = descriptor.input().layout() == ModelDescriptor.Layout.NHWC
                    ? new long[] {-1, descriptor.input().height(), descriptor.input().width(), 3}
                    : new long[] {-1, 3, descriptor.input().height(), descriptor.input().width()};
            if (!compatible(tensor.getShape(), expected)) {
                problems.add("the ONNX input '" + input.getName() + "' has shape " + Arrays.toString(tensor.getShape())
                        + ", but the descriptor describes " + descriptor.input().layout() + " " + Arrays.toString(expected)
                        + " (-1: any size)");
            }
            if (tensor.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
                problems.add("the ONNX input '" + input.getName() + "' holds " + tensor.type + ", not float32");
            }
        }
        NodeInfo output = outputs.get(descriptor.output().name());
        if (output == null) {
            problems.add("output.name '" + descriptor.output().name() + "' is not an output of the ONNX model (outputs: " + outputs.keySet() + ")");
        } else if (output.getInfo() instanceof TensorInfo tensor) {
            long[] shape = tensor.getShape();
            long classes = shape.length == 0 ? 0 : shape[shape.length - 1];
            if (classes != -1 && classes != descriptor.output().classes().size()) {
                problems.add("the ONNX output '" + output.getName() + "' has " + classes + " classes, but output.classes lists "
                        + descriptor.output().classes().size());
            }
        }
        return problems;
    }

    private static boolean compatible(long[] actual, long[] expected) {
        if (actual.length != expected.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] != -1 && expected[i] != -1 && actual[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
