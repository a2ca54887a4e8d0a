package io.vigil.detector.pdq;

import io.vigil.pdq.Hash256;
import io.vigil.pdq.Dihedral;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The reference fixtures in {@code src/test/resources/pdq} (see the README there). */
final class PdqFixtures {

    /**
     * The README's second value for the grey JPEG: the reference core on the stored grey values, as the C++ and
     * Python references read grey images (the Java reference's getRGB gamma curve moves it 24 bits).
     */
    static final String GREY_JPEG = "gray_1024x768.jpg";
    static final Hash256 GREY_JPEG_STORED_VALUE_HASH =
            Hash256.fromHex("78f6bad74da02471b539a494d65ad3c954ef4a256f16149a867d022eb1277553");

    /** The README: "its row is the reference's hash of the same pixels decoded by ImageMagick" (libwebp). */
    static final String WEBP_STICKER = "sticker_600x600.webp";

    record Fixture(String file, Hash256 hash, int quality, Hash256[] dihedrals) {
        /** A flat image: quality 0, its hash is rounding noise in every implementation. */
        boolean isFlat() {
            return quality == 0;
        }

        /** The reference's hash of a variant; null where dihedral.tsv has no row. */
        Hash256 expected(Dihedral variant) {
            if (dihedrals == null) {
                return variant == Dihedral.ORIGINAL ? hash : null;
            }
            return dihedrals[variant.ordinal()];
        }
    }

    private PdqFixtures() {
    }

    static List<Fixture> all() {
        List<String[]> expected = tsv("expected.tsv");
        List<String[]> dihedral = tsv("dihedral.tsv");
        List<Fixture> fixtures = new ArrayList<>();
        for (String[] row : expected) {
            // dihedral.tsv has no row for the WebP sticker (the reference could not read WebP)
            Hash256[] variants = dihedral.stream().filter(d -> d[0].equals(row[0])).findFirst()
                    .map(d -> Arrays.stream(d, 1, 9).map(Hash256::fromHex).toArray(Hash256[]::new))
                    .orElse(null);
            fixtures.add(new Fixture(row[0], Hash256.fromHex(row[1]), Integer.parseInt(row[2]), variants));
        }
        return fixtures;
    }

    static byte[] image(String file) {
        return resource("images/" + file);
    }

    private static List<String[]> tsv(String name) {
        String text = new String(resource(name), StandardCharsets.UTF_8);
        return text.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdqFixtures.class.getResourceAsStream("/pdq/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource pdq/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
