package io.vigil.sink.http;

import io.javalin.Javalin;
import io.vigil.runtime.auth.Authenticator;
import io.vigil.runtime.auth.PeerCredential;
import io.vigil.runtime.http.AccessGuard;

import java.util.function.Supplier;

/** Puts the sink's guards in front of every route: security headers on every answer, the access rule before every handler. */
public final class SinkHttp {

    static final String PAGE_FILES = "/web";

    private SinkHttp() {
    }

    /** The moderator page's own files (HTML, script, style) hold no moderation data. */
    static boolean isPageFile(String path) {
        return path.matches("/[a-z0-9-]+\\.(html|js|css)") && SinkHttp.class.getResource(PAGE_FILES + path) != null;
    }

    public static void secure(Javalin app, Authenticator authenticator, PeerCredential peer, Supplier<String> providerOrigins) {
        app.before(new SecurityHeaders(providerOrigins));
        app.beforeMatched(new AccessGuard(authenticator, peer, ctx -> isPageFile(ctx.path())));
    }
}
