package io.vigil.standalone.commands;

import io.vigil.sink.auth.Role;
import io.vigil.standalone.identity.DemoIssuer;
import io.vigil.standalone.identity.SigningKey;
import io.vigil.standalone.identity.TokenMinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** Mints a token of the demo issuer, for scripts and tools that call the demo's sink or read its audit log. */
@Command(name = "token", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print an access token of the demo's identity provider (signed with its key under the data directory),",
                "e.g. curl -H \"Authorization: Bearer $(./vigil token --role moderator --user alice)\" http://127.0.0.1:8080/api/cases.",
                "The sink validates it like any other token: issuer, audience, expiry and signature. Demo only: a real",
                "deployment's tokens come from its identity provider."})
public final class TokenCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "viewer, moderator, senior, child-safety or admin; repeat for several.")
    List<String> roles;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "The token's subject.")
    String user;

    @Option(names = "--data-dir", defaultValue = ".vigil/demo", description = "The demo's data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--issuer", defaultValue = "http://127.0.0.1:8090", description = "The demo issuer's URL (default: ${DEFAULT-VALUE}).")
    String issuer;

    @Option(names = "--audience", defaultValue = DemoIssuer.AUDIENCE, description = "The API the token is for (default: ${DEFAULT-VALUE}).")
    String audience;

    @Option(names = "--minutes", defaultValue = "30", description = "Lifetime (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Override
    public Integer call() {
        for (String role : roles) {
            if (Role.fromClaim(role).isEmpty()) {
                err().println("vigil token: unknown role '" + role + "' (viewer, moderator, senior, child-safety, admin)");
                return 2;
            }
        }
        if (!user.matches("[\\w.@+-]{1,128}") || minutes < 1 || minutes > 24 * 60) {
            err().println("vigil token: --user must be a plain name and --minutes 1-1440");
            return 2;
        }
        TokenMinter minter = new TokenMinter(SigningKey.readOrCreate(dataDir.resolve("identity")), issuer);
        out().println(minter.accessToken(user, List.copyOf(roles), audience, Instant.now(), Duration.ofMinutes(minutes)));
        return 0;
    }
}
