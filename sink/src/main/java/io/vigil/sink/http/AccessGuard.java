package io.vigil.sink.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import io.vigil.sink.auth.AuthenticationException;
import io.vigil.sink.auth.Authenticator;
import io.vigil.sink.auth.Caller;
import io.vigil.sink.auth.PeerCredential;

import java.util.Set;

/**
 * Runs before every matched route: finds the route's {@link AccessRule}, checks the credential it needs (a
 * person's token or the peer credential), and refuses with 401 (no valid credential) or 403 (valid, but the roles do
 * not allow it). A route registered without a rule is refused outright, so a forgotten rule fails closed.
 */
final class AccessGuard implements Handler {

    static final String CALLER = "vigil.caller";
    static final String PAGE_FILES = "/web";
    /** Routes the runtime adds to every service; they carry no moderation data. */
    static final Set<String> RUNTIME_PUBLIC = Set.of("/metrics", "/health", "/health/ready");

    private final Authenticator authenticator;
    private final PeerCredential peer;

    AccessGuard(Authenticator authenticator, PeerCredential peer) {
        this.authenticator = authenticator;
        this.peer = peer;
    }

    /** The moderator page's own files (HTML, script, style) hold no moderation data. */
    private static boolean isPageFile(String path) {
        return path.matches("/[a-z0-9-]+\\.(html|js|css)") && AccessGuard.class.getResource(PAGE_FILES + path) != null;
    }

    static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new UnauthorizedResponse("not signed in");
        }
        return caller;
    }

    @Override
    public void handle(Context ctx) {
        AccessRule rule = null;
        for (RouteRole role : ctx.routeRoles()) {
            if (role instanceof AccessRule declared) {
                rule = declared;
            }
        }
        if (rule == null) {
            if (RUNTIME_PUBLIC.contains(ctx.endpointHandlerPath()) || isPageFile(ctx.path())) {
                return;
            }
            throw new ForbiddenResponse("this route has no access rule");
        }
        switch (rule) {
            case PUBLIC -> {
            }
            case PEER -> {
                if (!peer.presentedBy(ctx::header)) {
                    throw new UnauthorizedResponse("peer credential required");
                }
            }
            default -> {
                Caller caller;
                try {
                    caller = authenticator.authenticate(ctx::header, ctx.ip());
                } catch (AuthenticationException e) {
                    ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                    throw new UnauthorizedResponse(e.getMessage());
                }
                if (rule.permission() != null && !caller.may(rule.permission())) {
                    throw new ForbiddenResponse("your roles do not allow this");
                }
                ctx.attribute(CALLER, caller);
            }
        }
    }
}
