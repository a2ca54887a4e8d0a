package io.vigil.pdq.matching;

/**
 * How media hashes are matched against the PDQ index.
 *
 * @param maxDistance    largest Hamming distance that counts as a match
 * @param matchDihedrals also match the 7 rotated and mirrored variants of the image (catches turned re-uploads,
 *                       costs 8 searches instead of 1)
 * @param qualityFloor   images whose PDQ quality is below this are not matched: their hashes are mostly noise and
 *                       collide with each other
 */
public record PdqMatchPolicy(int maxDistance, boolean matchDihedrals, int qualityFloor) {

    /** ThreatExchange's recommended match threshold for PDQ. */
    public static final int DEFAULT_MAX_DISTANCE = 31;
    /** ThreatExchange's recommended quality floor: below 50 PDQ hashes are unreliable. */
    public static final int DEFAULT_QUALITY_FLOOR = 50;

    public PdqMatchPolicy {
        if (maxDistance < 0 || maxDistance > 256) {
            throw new IllegalArgumentException("pdq max-distance must be 0..256, got " + maxDistance);
        }
        if (qualityFloor < 0 || qualityFloor > 100) {
            throw new IllegalArgumentException("pdq quality-floor must be 0..100, got " + qualityFloor);
        }
    }

    public static PdqMatchPolicy defaults() {
        return new PdqMatchPolicy(DEFAULT_MAX_DISTANCE, false, DEFAULT_QUALITY_FLOOR);
    }
}
