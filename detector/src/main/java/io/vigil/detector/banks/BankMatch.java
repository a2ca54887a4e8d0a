package io.vigil.detector.banks;

/** A bank entry that a media item matched, at a Hamming distance (0 for exact hashes). */
public record BankMatch(BankEntry entry, int distance) {
}
