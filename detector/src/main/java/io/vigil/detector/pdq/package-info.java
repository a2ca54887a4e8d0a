/**
 * PDQ perceptual hashing (Meta / ThreatExchange) of decoded images: {@link io.vigil.detector.pdq.PdqHasher} computes
 * the 256-bit {@link io.vigil.pdq.Hash256} and its quality, and all eight
 * {@link io.vigil.pdq.Dihedral} variants from one DCT. Agrees with the reference Java implementation on its
 * fixtures (src/test/resources/pdq). Knows nothing of Kafka.
 */
package io.vigil.detector.pdq;
