package io.vigil.enricher.evidence;

/** A probability as moderators read it: "93%". */
public final class Percent {

    private Percent() {
    }

    public static String of(double p) {
        return Math.round(p * 100) + "%";
    }
}
