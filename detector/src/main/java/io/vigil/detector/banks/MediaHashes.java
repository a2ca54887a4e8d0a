package io.vigil.detector.banks;

import java.util.Optional;

/** The hashes of one media item that the banks are queried with. */
public record MediaHashes(Optional<String> md5, Optional<String> sha256) {
}
