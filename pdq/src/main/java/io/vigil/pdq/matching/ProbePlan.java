package io.vigil.pdq.matching;

/**
 * How a segment answers a search of one radius: either a scan, or per chunk the radius of keys to probe (-1: the
 * chunk is not probed). See {@link ChunkLayout}.
 */
final class ProbePlan {

    private final int radius;
    private final int[] chunkRadius;
    private final double cost;

    private ProbePlan(int radius, int[] chunkRadius, double cost) {
        this.radius = radius;
        this.chunkRadius = chunkRadius;
        this.cost = cost;
    }

    static ProbePlan scan(int radius) {
        return new ProbePlan(radius, null, Double.NaN);
    }

    static ProbePlan probe(int radius, int[] chunkRadius, double cost) {
        return new ProbePlan(radius, chunkRadius.clone(), cost);
    }

    boolean isScan() {
        return chunkRadius == null;
    }

    int radius() {
        return radius;
    }

    /** The radius to probe chunk {@code i} with, -1 if not probed. */
    int chunkRadius(int i) {
        return chunkRadius[i];
    }

    double cost() {
        return cost;
    }
}
