package io.vigil.standalone.commands;

import io.vigil.runtime.auth.AuthSettings;
import io.vigil.runtime.auth.AuthenticationException;
import io.vigil.runtime.auth.BearerTokens;
import io.vigil.runtime.auth.Caller;
import io.vigil.runtime.auth.OidcProvider;
import io.vigil.runtime.auth.Permission;
import io.vigil.standalone.identity.DemoIssuer;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * Who runs a command that reads moderation data: the caller's access token, validated as the services validate it
 * (signature against the provider's keys, issuer, audience, expiry), and the permission the command needs. The
 * defaults match ./vigil demo's issuer; a deployment names its provider.
 */
public final class CallerCredential {

    public static final int EXIT_REFUSED = 3;

    @Option(names = "--token", paramLabel = "JWT", description = "The caller's access token (default: $VIGIL_TOKEN).")
    String token;

    @Option(names = "--issuer", defaultValue = "http://127.0.0.1:8090", description = "Token issuer (default: ${DEFAULT-VALUE}).")
    String issuer;

    @Option(names = "--audience", defaultValue = DemoIssuer.AUDIENCE, description = "Token audience (default: ${DEFAULT-VALUE}).")
    String audience;

    @Option(names = "--jwks-uri", defaultValue = "", description = "Issuer's keys (default: from its discovery document).")
    String jwksUri;

    @Option(names = "--role-claim", defaultValue = "roles", description = "Claim holding the roles (default: ${DEFAULT-VALUE}).")
    String roleClaim;

    /** The validated caller if its roles grant the permission; otherwise says why on {@code err} and returns empty. */
    public Optional<Caller> authorize(String command, Permission needed, String roleNeeded, PrintWriter err) {
        String credential = token != null ? token : System.getenv("VIGIL_TOKEN");
        if (credential == null || credential.isBlank()) {
            err.println(command + ": a token is required (--token or VIGIL_TOKEN)");
            return Optional.empty();
        }
        Caller caller;
        try {
            caller = new BearerTokens(new OidcProvider(new AuthSettings.Oidc(issuer, audience, jwksUri, "", "", DemoIssuer.CLIENT_ID,
                    "openid", roleClaim, "preferred_username", 60))).validate(credential.strip(), "command-line");
        } catch (AuthenticationException e) {
            err.println(command + ": " + e.getMessage());
            return Optional.empty();
        }
        if (!caller.may(needed)) {
            err.println(command + ": the token's roles " + caller.roleNames() + " do not allow this (" + roleNeeded + ")");
            return Optional.empty();
        }
        return Optional.of(caller);
    }
}
