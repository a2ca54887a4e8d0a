package io.vigil.modelimport.npm;

import java.util.regex.Pattern;

/**
 * An npm package pinned by version and by the registry's {@code dist.integrity} (Subresource Integrity string,
 * e.g. {@code sha512-<base64>}), so that what the build converts is byte for byte what was reviewed.
 */
public record PinnedNpmPackage(String name, String version, Integrity integrity) {

    private static final Pattern NAME = Pattern.compile("(@[a-z0-9][\\w.-]*/)?[a-z0-9][\\w.-]*");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+([-+][\\w.-]+)?");

    public PinnedNpmPackage {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an npm package name: '" + name + "'");
        }
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("package " + name + ": pin an exact version, got '" + version + "'");
        }
    }

    /** Parses {@code name@version}, scoped names included ({@code @scope/name@1.2.3}). */
    public static PinnedNpmPackage parse(String spec, String integrity) {
        int at = spec.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("expected name@version, got '" + spec + "'");
        }
        return new PinnedNpmPackage(spec.substring(0, at), spec.substring(at + 1), Integrity.parse(integrity));
    }

    public String spec() {
        return name + "@" + version;
    }

    /** The file name {@code npm pack} gives the tarball: scope and name joined by '-', then the version. */
    public String tarballFileName() {
        return name.replace("@", "").replace('/', '-') + "-" + version + ".tgz";
    }
}
