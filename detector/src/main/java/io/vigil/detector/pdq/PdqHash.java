package io.vigil.detector.pdq;

import java.util.Objects;

/**
 * A PDQ hash and its quality (0..100): how much usable gradient the image had. Low-quality hashes (flat or nearly
 * flat images) collide with each other and must not be matched; see {@link PdqHasher#quality}.
 */
public record PdqHash(Hash256 hash, int quality) {

    public PdqHash {
        Objects.requireNonNull(hash, "hash");
        if (quality < 0 || quality > PdqHasher.MAX_QUALITY) {
            throw new IllegalArgumentException("PDQ quality is 0.." + PdqHasher.MAX_QUALITY + ", got " + quality);
        }
    }

    public String hex() {
        return hash.toHex();
    }
}
