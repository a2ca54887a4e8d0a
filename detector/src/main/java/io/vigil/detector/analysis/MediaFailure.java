package io.vigil.detector.analysis;

/** Why one part of a media item's analysis could not be done: a stable code and words free of personal data. */
public record MediaFailure(String code, String message) {
}
