package io.vigil.detector.matching;

import java.util.Locale;
import java.util.Optional;

/** The kinds of hash banks hold and media are matched by. */
public enum HashType {
    /** Perceptual: 256 bits, matched within a Hamming distance. */
    PDQ(64),
    /** Cryptographic digest of the file bytes: 128 bits, matched exactly. */
    MD5(32),
    /** Cryptographic digest of the file bytes: 256 bits, matched exactly. */
    SHA256(64);

    private final int hexLength;

    HashType(int hexLength) {
        this.hexLength = hexLength;
    }

    /** Length of the lower-case hex form. */
    public int hexLength() {
        return hexLength;
    }

    /** Bits of the hash. */
    public int bits() {
        return hexLength * 4;
    }

    /** {@code pdq}, {@code md5}, {@code sha256} (or {@code sha-256}), any case. */
    public static Optional<HashType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "pdq" -> Optional.of(PDQ);
            case "md5" -> Optional.of(MD5);
            case "sha256", "sha-256" -> Optional.of(SHA256);
            default -> Optional.empty();
        };
    }

    /** True if {@code hex} has this type's length and only hex digits (either case). */
    public boolean isValidHex(CharSequence hex) {
        if (hex == null || hex.length() != hexLength) {
            return false;
        }
        for (int i = 0; i < hexLength; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
