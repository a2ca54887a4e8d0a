package io.vigil.sink.auth;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the moderator page needs to sign in, served without a credential: in oidc mode the provider's authorization
 * and token endpoints and the page's client id (the page runs the authorization code flow with PKCE itself and
 * sends the access token as a bearer token); in proxy mode nothing, since the proxy signs people in.
 */
public final class PageLogin {

    private final AuthSettings settings;
    private final OidcProvider provider;

    public PageLogin(AuthSettings settings, OidcProvider provider) {
        this.settings = settings;
        this.provider = provider;
    }

    public Map<String, Object> forPage() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", settings.mode());
        if (settings.isProxy()) {
            return body;
        }
        body.put("issuer", settings.oidc().issuer());
        body.put("clientId", settings.oidc().clientId());
        body.put("scope", settings.oidc().scope());
        try {
            OidcProvider.Endpoints endpoints = provider.endpoints();
            body.put("authorizationEndpoint", endpoints.authorizationEndpoint());
            body.put("tokenEndpoint", endpoints.tokenEndpoint());
        } catch (IOException e) {
            body.put("error", "the identity provider cannot be reached");
        }
        return body;
    }

    /** The origins of the provider's endpoints the page talks to, for the Content-Security-Policy. */
    public String providerOrigins() {
        if (settings.isProxy()) {
            return "";
        }
        try {
            OidcProvider.Endpoints endpoints = provider.endpoints();
            String token = origin(endpoints.tokenEndpoint());
            String authorize = origin(endpoints.authorizationEndpoint());
            return token.equals(authorize) ? token : (token + " " + authorize).strip();
        } catch (IOException | IllegalArgumentException e) {
            return "";
        }
    }

    private static String origin(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
