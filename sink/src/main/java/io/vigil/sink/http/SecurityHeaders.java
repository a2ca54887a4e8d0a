package io.vigil.sink.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.function.Supplier;

/**
 * Headers on every response: a strict Content-Security-Policy (the page's own scripts and styles only, images from
 * the sink or in-memory blobs, connections to the sink and the identity provider's token endpoint, never framed),
 * no MIME sniffing, no referrer, and no caching of API answers.
 */
final class SecurityHeaders implements Handler {

    private final Supplier<String> identityProviderOrigins;

    /** @param identityProviderOrigins the origins of the provider's endpoints the page talks to, space-separated */
    SecurityHeaders(Supplier<String> identityProviderOrigins) {
        this.identityProviderOrigins = identityProviderOrigins;
    }

    @Override
    public void handle(Context ctx) {
        String provider = identityProviderOrigins.get();
        ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
                + "connect-src 'self'" + (provider.isBlank() ? "" : " " + provider) + "; form-action 'self'"
                + (provider.isBlank() ? "" : " " + provider) + "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
