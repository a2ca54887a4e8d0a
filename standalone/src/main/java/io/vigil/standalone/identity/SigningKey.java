package io.vigil.standalone.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;

/**
 * The demo issuer's signing key: an RSA key pair made on first use and kept under the data directory (readable by
 * its owner only), so tokens minted by {@code vigil token} and by the running demo are signed by the same key.
 */
public final class SigningKey {

    /** 2048-bit RSA: the minimum RFC 7518 3.3 requires for RS256. */
    private static final int RSA_BITS = 2048;
    static final String FILE = "signing-key.jwk";

    private SigningKey() {
    }

    public static RSAKey readOrCreate(Path identityDir) {
        Path file = identityDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            Files.createDirectories(identityDir);
            RSAKey key = new RSAKeyGenerator(RSA_BITS).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("vigil-demo-" + Instant.now().getEpochSecond()).generate();
            Path temporary = Files.createTempFile(identityDir, "key", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the data directory's own permissions apply
            }
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read or write the demo issuer's signing key under " + identityDir, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the demo issuer's signing key " + file + " is unreadable; delete it to make a new one", e);
        }
    }
}
