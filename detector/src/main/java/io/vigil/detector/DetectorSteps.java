package io.vigil.detector;

import io.vigil.detector.banks.BankIndex;
import io.vigil.detector.steps.BankMatching;
import io.vigil.detector.steps.DetectionAssembly;
import io.vigil.detector.steps.DetectionEncoding;
import io.vigil.detector.steps.ImageAnalysis;
import io.vigil.detector.steps.MediaFetching;
import io.vigil.detector.steps.MediaThreadPriority;
import io.vigil.detector.steps.MediaHashing;
import io.vigil.detector.steps.MessageValidation;
import io.vigil.detector.steps.TextScanning;
import io.vigil.runtime.validation.GroupMetadataValidation;

import java.time.Duration;

/**
 * The detector's processing steps, built once per application and shared by its stream threads (each step is
 * stateless or thread-safe; per-task state lives in Streams' stores).
 *
 * @param banks       the hash banks, kept current by the global bank updater
 * @param imageWindow how long after an image a message from the same sender counts as following it
 */
public record DetectorSteps(
        MessageValidation validation,
        GroupMetadataValidation groupValidation,
        MediaThreadPriority mediaPriority,
        MediaFetching fetching,
        MediaHashing hashing,
        ImageAnalysis imageAnalysis,
        BankMatching bankMatching,
        TextScanning textScanning,
        DetectionAssembly assembly,
        DetectionEncoding encoding,
        BankIndex banks,
        Duration imageWindow,
        DetectorMetrics metrics) {
}
