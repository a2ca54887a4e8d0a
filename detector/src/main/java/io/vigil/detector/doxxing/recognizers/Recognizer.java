package io.vigil.detector.doxxing.recognizers;

import java.util.List;

/** Finds one kind of personal data in a message. Implementations are stateless and thread-safe. */
public interface Recognizer {

    /** Appends what it finds in the context's text to {@code out}; overlaps with other recognisers are resolved later. */
    void find(ScanContext context, List<Finding> out);
}
