package io.vigil.compliance.statements;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The platform unique identifier of a statement. The database allows only [a-zA-Z0-9-_] (at most 500 characters) and
 * requires it unique forever within the platform (api-documentation.md, "Platform Unique Identifier"); action ids
 * contain ':' and whatever the platform's ids contain. So the puid is a digest of the enforcement action's id: the same
 * action always gives the same puid (a replay is refused by the database as a duplicate, which is what makes the
 * submission idempotent), and different actions never share one. 160 bits make a collision beyond any platform's volume.
 */
public final class Puid {

    private static final String PREFIX = "vigil-";
    private static final int HEX_DIGITS = 40;

    private Puid() {
    }

    public static String forAction(String actionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(actionId.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
