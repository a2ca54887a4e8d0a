package io.vigil.sink.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The identity provider's endpoints: from the configuration where given, else from its discovery document
 * ({@code <issuer>/.well-known/openid-configuration}), fetched when first needed and kept, so the sink starts
 * even while the provider is briefly unreachable.
 */
public final class OidcProvider {

    /** The endpoints the sink and its page use. */
    public record Endpoints(String jwksUri, String authorizationEndpoint, String tokenEndpoint) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AuthSettings.Oidc settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile Endpoints endpoints;

    public OidcProvider(AuthSettings.Oidc settings) {
        this.settings = settings;
        if (!blank(settings.jwksUri()) && !blank(settings.authorizationEndpoint()) && !blank(settings.tokenEndpoint())) {
            endpoints = new Endpoints(settings.jwksUri(), settings.authorizationEndpoint(), settings.tokenEndpoint());
        }
    }

    public AuthSettings.Oidc settings() {
        return settings;
    }

    /** @throws IOException if the discovery document is needed and cannot be read */
    public Endpoints endpoints() throws IOException {
        Endpoints known = endpoints;
        if (known != null) {
            return known;
        }
        JsonNode discovery = discover();
        if (!settings.issuer().equals(discovery.path("issuer").asText())) {
            throw new IOException("the discovery document names another issuer than the configured one");
        }
        known = new Endpoints(or(settings.jwksUri(), discovery.path("jwks_uri").asText()),
                or(settings.authorizationEndpoint(), discovery.path("authorization_endpoint").asText()),
                or(settings.tokenEndpoint(), discovery.path("token_endpoint").asText()));
        endpoints = known;
        return known;
    }

    private JsonNode discover() throws IOException {
        String issuer = settings.issuer().endsWith("/") ? settings.issuer() : settings.issuer() + "/";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + ".well-known/openid-configuration"))
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("the discovery document answered " + response.statusCode());
            }
            return new ObjectMapper().readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the discovery document", e);
        }
    }

    private static String or(String configured, String discovered) {
        return blank(configured) ? discovered : configured;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
