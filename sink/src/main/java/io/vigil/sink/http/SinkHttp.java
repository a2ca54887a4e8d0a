package io.vigil.sink.http;

import io.javalin.Javalin;
import io.vigil.sink.auth.Authenticator;
import io.vigil.sink.auth.PeerCredential;

import java.util.function.Supplier;

/** Puts the sink's guards in front of every route: security headers on every answer, the access rule before every handler. */
public final class SinkHttp {

    private SinkHttp() {
    }

    public static void secure(Javalin app, Authenticator authenticator, PeerCredential peer, Supplier<String> providerOrigins) {
        app.before(new SecurityHeaders(providerOrigins));
        app.beforeMatched(new AccessGuard(authenticator, peer));
    }
}
