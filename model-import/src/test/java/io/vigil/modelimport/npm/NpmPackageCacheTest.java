package io.vigil.modelimport.npm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NpmPackageCacheTest {

    @Test
    void aVerifiedCachedTarballIsUsedWithoutNpm(@TempDir Path cache) throws IOException {
        Path staged = cache.resolve("staged.tgz");
        Files.write(staged, new byte[] {1, 2, 3, 4});
        PinnedNpmPackage pkg = new PinnedNpmPackage("@scope/tiny", "1.0.0", Integrity.of("sha512", staged));
        Path entry = cache.resolve("npm").resolve("@scope+tiny@1.0.0-" + pkg.integrity().shortHex());
        Files.createDirectories(entry);
        Files.move(staged, entry.resolve(pkg.tarballFileName()));
        List<String> log = new ArrayList<>();

        Path tarball = new NpmPackageCache(cache, "/nonexistent/npm", log::add).obtain(pkg);

        assertThat(tarball.getFileName().toString()).isEqualTo("scope-tiny-1.0.0.tgz");
        assertThat(log).singleElement().asString().startsWith("using cached @scope/tiny@1.0.0");
    }

    @Test
    void aCorruptedCacheEntryIsNotTrusted(@TempDir Path cache) throws IOException {
        PinnedNpmPackage pkg = PinnedNpmPackage.parse("tiny@1.0.0", "sha512-" + "A".repeat(86) + "==");
        Path entry = cache.resolve("npm").resolve("tiny@1.0.0-" + pkg.integrity().shortHex());
        Files.createDirectories(entry);
        Files.write(entry.resolve(pkg.tarballFileName()), new byte[] {9});
        List<String> log = new ArrayList<>();

        assertThatThrownBy(() -> new NpmPackageCache(cache, "/nonexistent/npm", log::add).obtain(pkg))
                .hasMessageContaining("the npm client ('/nonexistent/npm') is needed");
        assertThat(log.get(0)).contains("fails its integrity check");
    }

    @Test
    void pinsMustBeExact() {
        assertThatThrownBy(() -> PinnedNpmPackage.parse("nsfwjs@^4.4.0", "sha512-AA==")).hasMessageContaining("pin an exact version");
        assertThatThrownBy(() -> PinnedNpmPackage.parse("nsfwjs@4.4.0", "md5-AA==")).hasMessageContaining("sha512-<base64>");
        assertThat(PinnedNpmPackage.parse("@tensorflow/tfjs@4.22.0", "sha512-AA==").name()).isEqualTo("@tensorflow/tfjs");
    }
}
