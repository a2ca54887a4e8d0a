package io.vigil.runtime.errors;

/** Where in a Streams application a record failed. */
public enum DeadLetterStage {
    /** The input bytes could not be read as the topic's contract. */
    DESERIALIZATION("deserialization"),
    /** A processing step threw while handling a readable record. */
    PROCESSING("processing"),
    /** An output record could not be written (serialization, or a record the broker refuses). */
    PRODUCTION("production");

    private final String label;

    DeadLetterStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
