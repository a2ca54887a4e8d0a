package io.vigil.pdq;

import java.util.Objects;

/**
 * A PDQ hash and its quality (0..100): how much usable gradient the image had. Low-quality hashes (flat or nearly
 * flat images) collide with each other and must not be matched.
 */
public record PdqHash(Hash256 hash, int quality) {

    /** The reference's quality scale tops out at 100 (a richly textured image). */
    public static final int MAX_QUALITY = 100;

    public PdqHash {
        Objects.requireNonNull(hash, "hash");
        if (quality < 0 || quality > MAX_QUALITY) {
            throw new IllegalArgumentException("PDQ quality is 0.." + MAX_QUALITY + ", got " + quality);
        }
    }

    public String hex() {
        return hash.toHex();
    }
}
