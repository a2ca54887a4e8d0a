package io.vigil.detector.banks;

import io.vigil.pdq.PdqHashes;

import java.util.Optional;

/** The hashes of one media item that the banks are queried with. */
public record MediaHashes(Optional<String> md5, Optional<String> sha256, Optional<PdqHashes> pdq) {
}
