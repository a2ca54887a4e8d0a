package io.vigil.standalone.commands.banks.lists;

import io.vigil.schemas.SignalType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Signal types as lists name and write them. Names: Vigil's own and python-threatexchange's / HMA's
 * ({@code SignalType.get_name()}: {@code pdq}, {@code video_md5}, {@code video_sha256}; HMA also says
 * {@code vmd5}). ThreatExchange's MD5 and SHA-256 types are digests of the file bytes, the same signal Vigil
 * computes for any media. {@code url_md5} is the digest of a URL, not of media, and is not mapped.
 */
final class SignalTypes {

    private static final Map<String, SignalType> NAMES = Map.ofEntries(
            Map.entry("pdq", SignalType.PDQ),
            Map.entry("md5", SignalType.MD5),
            Map.entry("video_md5", SignalType.MD5),
            Map.entry("photo_md5", SignalType.MD5),
            Map.entry("vmd5", SignalType.MD5),
            Map.entry("sha256", SignalType.SHA256),
            Map.entry("sha-256", SignalType.SHA256),
            Map.entry("video_sha256", SignalType.SHA256),
            Map.entry("photo_sha256", SignalType.SHA256));

    /** Hex digits of an MD5 digest (128 bits). */
    static final int MD5_HEX_LENGTH = 32;
    /** Hex digits of a PDQ hash and of a SHA-256 digest (256 bits). */
    static final int HASH_256_HEX_LENGTH = 64;

    private SignalTypes() {
    }

    static Optional<SignalType> lookup(String name) {
        return name == null ? Optional.empty()
                : Optional.ofNullable(NAMES.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    static boolean isKnown(String name) {
        return lookup(name).isPresent();
    }

    /** Length of the lower-case hex form of a hash of this type. */
    static int hexLength(SignalType type) {
        return switch (type) {
            case MD5 -> MD5_HEX_LENGTH;
            case PDQ, SHA256 -> HASH_256_HEX_LENGTH;
            default -> throw new IllegalArgumentException("no hash length for " + type);
        };
    }
}
