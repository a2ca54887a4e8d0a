package io.vigil.runtime.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import io.vigil.runtime.auth.AuthenticationException;
import io.vigil.runtime.auth.Authenticator;
import io.vigil.runtime.auth.Caller;
import io.vigil.runtime.auth.PeerCredential;
import io.vigil.runtime.auth.RouteRule;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs before every matched route: finds the route's {@link RouteRule}, checks the credential it needs (a caller's
 * token or the peer credential), and refuses with 401 (no valid credential) or 403 (valid, but the roles do not allow
 * it). A route registered without a rule is refused outright, so a forgotten rule fails closed; only the runtime's own
 * routes and what the service declares open without data (a page's static files) pass without one.
 */
public final class AccessGuard implements Handler {

    static final String CALLER = "vigil.caller";
    /** Routes the runtime adds to every service; they carry no moderation data. */
    public static final Set<String> RUNTIME_PUBLIC = Set.of("/metrics", "/health", "/health/ready");

    private final Authenticator authenticator;
    private final PeerCredential peer;
    private final Predicate<Context> openWithoutRule;

    /** @param openWithoutRule requests besides the runtime's routes that need no rule (a page's own files) */
    public AccessGuard(Authenticator authenticator, PeerCredential peer, Predicate<Context> openWithoutRule) {
        this.authenticator = authenticator;
        this.peer = peer;
        this.openWithoutRule = openWithoutRule;
    }

    /** The caller the guard let through, for the handler. */
    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new UnauthorizedResponse("not signed in");
        }
        return caller;
    }

    @Override
    public void handle(Context ctx) {
        RouteRule rule = null;
        for (RouteRole role : ctx.routeRoles()) {
            if (role instanceof RouteRule declared) {
                rule = declared;
            }
        }
        if (rule == null) {
            if (RUNTIME_PUBLIC.contains(ctx.endpointHandlerPath()) || openWithoutRule.test(ctx)) {
                return;
            }
            throw new ForbiddenResponse("this route has no access rule");
        }
        switch (rule.kind()) {
            case PUBLIC -> {
            }
            case PEER -> {
                if (peer == null || !peer.presentedBy(ctx::header)) {
                    throw new UnauthorizedResponse("peer credential required");
                }
            }
            case CALLER -> {
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
