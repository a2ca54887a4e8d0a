package io.vigil.modelimport.npm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** A Subresource Integrity hash as npm records it ({@code sha512-<base64 digest>}), and its check against a file. */
public record Integrity(String algorithm, byte[] digest) {

    private static final Map<String, String> JAVA_ALGORITHMS = Map.of("sha512", "SHA-512", "sha384", "SHA-384", "sha256", "SHA-256");

    public static Integrity parse(String sri) {
        int dash = sri.indexOf('-');
        String algorithm = dash < 0 ? "" : sri.substring(0, dash);
        if (!JAVA_ALGORITHMS.containsKey(algorithm)) {
            throw new IllegalArgumentException("integrity must look like sha512-<base64>, got '" + sri + "'");
        }
        try {
            return new Integrity(algorithm, Base64.getDecoder().decode(sri.substring(dash + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("integrity '" + sri + "' is not valid base64", e);
        }
    }

    public static Integrity of(String algorithm, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance(JAVA_ALGORITHMS.get(algorithm));
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return new Integrity(algorithm, digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(Path file) {
        return equals(of(algorithm, file));
    }

    /** A short hex form, safe in file names, for cache keys. */
    public String shortHex() {
        return algorithm + "-" + HexFormat.of().formatHex(digest, 0, 8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Integrity that && algorithm.equals(that.algorithm) && MessageDigest.isEqual(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return algorithm + "-" + Base64.getEncoder().encodeToString(digest);
    }
}
