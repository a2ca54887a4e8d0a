package io.vigil.pdq;

import java.util.Arrays;
import java.util.Objects;

/**
 * The PDQ hashes of all eight {@link Dihedral} variants of one image, with the (shared) quality. Matching every
 * variant catches rotated and mirrored re-uploads.
 */
public final class PdqHashes {

    private final Hash256[] byVariant;
    private final int quality;

    /** The hashes of an image's variants, in {@link Dihedral} order, and its quality. */
    public static PdqHashes of(Hash256[] byVariant, int quality) {
        return new PdqHashes(byVariant, quality);
    }

    private PdqHashes(Hash256[] byVariant, int quality) {
        if (byVariant.length != Dihedral.values().length) {
            throw new IllegalArgumentException("one hash per dihedral variant");
        }
        this.byVariant = byVariant.clone();
        this.quality = quality;
    }

    public Hash256 get(Dihedral variant) {
        return byVariant[variant.ordinal()];
    }

    public Hash256 original() {
        return get(Dihedral.ORIGINAL);
    }

    public int quality() {
        return quality;
    }

    /** The original's hash and quality. */
    public PdqHash asPdqHash() {
        return new PdqHash(original(), quality);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdqHashes h && h.quality == quality && Arrays.equals(h.byVariant, byVariant);
    }

    @Override
    public int hashCode() {
        return Objects.hash(quality, Arrays.hashCode(byVariant));
    }

    @Override
    public String toString() {
        return "PdqHashes{" + original() + ", quality=" + quality + ", +7 variants}";
    }
}
