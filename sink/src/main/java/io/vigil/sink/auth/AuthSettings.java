package io.vigil.sink.auth;

import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.Validatable;

import java.net.URI;
import java.util.List;

/**
 * How the sink knows who calls it.
 *
 * @param mode       {@code oidc}: bearer JWTs from an OpenID Connect provider (the default); {@code proxy}: a
 *                   trusted single-sign-on proxy in front of the sink names the user and roles in headers, proven
 *                   by a shared secret it sends with every request
 * @param peerSecret the service credential sink instances present to each other's interactive-query routes
 */
public record AuthSettings(String mode, Oidc oidc, Proxy proxy, String peerSecret) implements Validatable {

    /** Shared secrets shorter than this are guessable; 32 characters of a random token are 128+ bits. */
    static final int MIN_SECRET_CHARS = 32;

    public boolean isProxy() {
        return "proxy".equals(mode);
    }

    /**
     * @param issuer                the provider's issuer URL, exactly as its tokens' {@code iss}
     * @param audience              this API's identifier, which tokens must carry in {@code aud}
     * @param jwksUri               the provider's signing keys; empty: from the discovery document
     * @param authorizationEndpoint for the page's login (authorization code + PKCE); empty: from discovery
     * @param tokenEndpoint         likewise
     * @param clientId              the page's public client id at the provider
     * @param roleClaim             the claim holding the roles, a dotted path for nested claims (realm_access.roles)
     * @param clockSkewSeconds      tolerated clock difference for exp and nbf
     */
    public record Oidc(String issuer, String audience, String jwksUri, String authorizationEndpoint, String tokenEndpoint,
                       String clientId, String scope, String roleClaim, String nameClaim, int clockSkewSeconds) implements Validatable {
        @Override
        public List<String> problems() {
            Checks checks = new Checks().notBlank(issuer, "issuer").notBlank(audience, "audience").notBlank(clientId, "client-id")
                    .notBlank(roleClaim, "role-claim").require(clockSkewSeconds >= 0 && clockSkewSeconds <= 300,
                            "clock-skew-seconds", "must be 0-300");
            for (var url : List.of(new String[]{"issuer", issuer}, new String[]{"jwks-uri", jwksUri},
                    new String[]{"authorization-endpoint", authorizationEndpoint}, new String[]{"token-endpoint", tokenEndpoint})) {
                checks.require(url[1] == null || url[1].isBlank() || isHttpUrl(url[1]), url[0], "must be an http(s) URL");
            }
            return checks.problems();
        }
    }

    /** @param secret what the proxy sends in {@code secretHeader}; requests without it are refused */
    public record Proxy(String secret, String secretHeader, String userHeader, String rolesHeader) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().notBlank(secretHeader, "secret-header").notBlank(userHeader, "user-header")
                    .notBlank(rolesHeader, "roles-header").require(secret != null && secret.length() >= MIN_SECRET_CHARS, "secret",
                            "proxy mode needs a shared secret of at least " + MIN_SECRET_CHARS + " characters").problems();
        }
    }

    @Override
    public List<String> problems() {
        Checks checks = new Checks().require("oidc".equals(mode) || "proxy".equals(mode), "mode", "must be oidc or proxy")
                .require(peerSecret != null && peerSecret.length() >= MIN_SECRET_CHARS, "peer-secret",
                        "must be set to a shared secret of at least " + MIN_SECRET_CHARS + " characters (sink instances present it to each other)");
        if (isProxy()) {
            checks.nested(proxy, "proxy");
        } else {
            checks.nested(oidc, "oidc");
        }
        return checks.problems();
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
