package io.vigil.pdq.matching;

import io.vigil.pdq.Dihedral;

/** An index entry matched by one of the image's dihedral variants (ORIGINAL unless the image was turned). */
public record PdqVariantMatch(int id, int distance, Dihedral variant) {
}
