package io.vigil.detector.banklists;

import io.vigil.detector.matching.HashType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Signal type names as lists write them: Vigil's own and python-threatexchange's / HMA's
 * ({@code SignalType.get_name()}: {@code pdq}, {@code video_md5}, {@code video_sha256}; HMA also says
 * {@code vmd5}). ThreatExchange's MD5 and SHA-256 types are digests of the file bytes, the same signal Vigil
 * computes for any media. {@code url_md5} is the digest of a URL, not of media, and is not mapped.
 */
final class SignalTypeNames {

    private static final Map<String, HashType> NAMES = Map.ofEntries(
            Map.entry("pdq", HashType.PDQ),
            Map.entry("md5", HashType.MD5),
            Map.entry("video_md5", HashType.MD5),
            Map.entry("photo_md5", HashType.MD5),
            Map.entry("vmd5", HashType.MD5),
            Map.entry("sha256", HashType.SHA256),
            Map.entry("sha-256", HashType.SHA256),
            Map.entry("video_sha256", HashType.SHA256),
            Map.entry("photo_sha256", HashType.SHA256));

    private SignalTypeNames() {
    }

    static Optional<HashType> lookup(String name) {
        return name == null ? Optional.empty()
                : Optional.ofNullable(NAMES.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    static boolean isKnown(String name) {
        return lookup(name).isPresent();
    }
}
