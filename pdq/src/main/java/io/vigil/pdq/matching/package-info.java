/**
 * Matching media hashes against banks: {@link io.vigil.pdq.matching.PdqIndex}, an exact and incrementally
 * updatable multi-index-hashing index of PDQ hashes; {@link io.vigil.pdq.matching.PdqMatcher}, the query side
 * (quality floor, dihedral variants). Exact MD5 and SHA-256 lookups are plain maps and live with the bank
 * entries (io.vigil.detector.banks). Entries are compact int ids; what an id means (bank, category, entry id) is the caller's table. Knows nothing of
 * Kafka.
 */
package io.vigil.pdq.matching;
