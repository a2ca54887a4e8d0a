package io.vigil.standalone.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The demo's secret for keyed hashes of personal data: random on first start and kept in the data directory (owner
 * only), so that hashes stay comparable across restarts of the same demo. A deployment brings its own secret.
 */
public final class DemoSecret {

    private static final int SECRET_BYTES = 32;

    private DemoSecret() {
    }

    public static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            String secret = HexFormat.of().formatHex(random);
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the data directory's own permissions apply.
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo secret in " + file, e);
        }
    }
}
