package io.vigil.detector.nudity;

import java.util.List;

/** A model descriptor or ONNX model that cannot be used, with every reason found. */
public class InvalidModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidModelException(String source, List<String> problems) {
        super("model " + source + " is unusable:\n  - " + String.join("\n  - ", problems));
    }

    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
