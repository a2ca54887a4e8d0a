package io.vigil.sink.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparison of shared secrets that takes the same time wherever the first difference is. */
final class ConstantTime {

    private ConstantTime() {
    }

    static boolean equal(String presented, String expected) {
        if (presented == null || expected == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
