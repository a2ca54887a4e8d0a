package io.vigil.sink.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Token validation against a provider's JWKS served over HTTP, as the sink does it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BearerTokensTest {

    private static final String AUDIENCE = "vigil-sink";
    private RSAKey key;
    private Javalin provider;
    private String issuer;
    private BearerTokens tokens;

    @BeforeAll
    void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        provider = Javalin.create(config -> config.showJavalinBanner = false).start("127.0.0.1", 0);
        issuer = "http://127.0.0.1:" + provider.port() + "/realms/safety";
        provider.get("/realms/safety/.well-known/openid-configuration", ctx -> ctx.json(Map.of("issuer", issuer,
                "jwks_uri", issuer + "/certs", "authorization_endpoint", issuer + "/auth", "token_endpoint", issuer + "/token")));
        provider.get("/realms/safety/certs", ctx -> ctx.contentType("application/json").result(new JWKSet(key.toPublicJWK()).toString(true)));
        tokens = new BearerTokens(new OidcProvider(new AuthSettings.Oidc(issuer, AUDIENCE, "", "", "", "page", "openid",
                "realm_access.roles", "preferred_username", 60)));
    }

    @AfterAll
    void stop() {
        provider.stop();
    }

    private String token(JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("k1").build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private JWTClaimsSet.Builder valid() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject("u-1").claim("preferred_username", "alice")
                .claim("realm_access", Map.of("roles", List.of("moderator", "offline_access")))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    @Test
    void aValidTokenNamesTheCallerAndTheRolesFromANestedClaim() throws Exception {
        String token = token(valid());
        Caller caller = tokens.authenticate(h -> h.equals("Authorization") ? "Bearer " + token : null, "10.0.0.7");

        assertThat(caller.subject()).isEqualTo("u-1");
        assertThat(caller.name()).isEqualTo("alice");
        assertThat(caller.roles()).containsExactly(Role.MODERATOR);
        assertThat(caller.address()).isEqualTo("10.0.0.7");
    }

    @Test
    void expiryIsCheckedWithTheConfiguredSkew() throws Exception {
        Instant now = Instant.now();
        String withinSkew = token(valid().expirationTime(Date.from(now.minusSeconds(30))));
        String expired = token(valid().expirationTime(Date.from(now.minusSeconds(120))));
        String notYet = token(valid().notBeforeTime(Date.from(now.plusSeconds(600))));

        assertThat(tokens.validate(withinSkew, "").subject()).isEqualTo("u-1");
        assertThatThrownBy(() -> tokens.validate(expired, "")).isInstanceOf(AuthenticationException.class).hasMessageContaining("Expired");
        assertThatThrownBy(() -> tokens.validate(notYet, "")).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void anotherIssuerOrAudienceIsRefused() throws Exception {
        assertThatThrownBy(() -> tokens.validate(token(valid().issuer("https://evil.example")), "")).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> tokens.validate(token(valid().audience("another-api")), "")).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> tokens.validate(token(valid().subject(null)), "")).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aTokenSignedWithTheKeyAsAnHmacSecretOrNotSignedIsRefused() throws Exception {
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), valid().build());
        hmac.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
        String unsigned = new com.nimbusds.jwt.PlainJWT(valid().build()).serialize();

        assertThatThrownBy(() -> tokens.validate(hmac.serialize(), "")).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> tokens.validate(unsigned, "")).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> tokens.authenticate(h -> null, "")).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("bearer token is required");
    }

    @Test
    void rolesMayBeAListOrASpaceSeparatedStringAndUnknownOnesAreIgnored() {
        assertThat(BearerTokens.roles(Map.of("roles", "senior child-safety wizard"), "roles")).containsExactlyInAnyOrder(Role.SENIOR, Role.CHILD_SAFETY);
        assertThat(BearerTokens.roles(Map.of("roles", List.of("viewer")), "roles")).containsExactly(Role.VIEWER);
        assertThat(BearerTokens.roles(Map.of(), "realm_access.roles")).isEmpty();
    }

    @Test
    void theProxyModeBelievesHeadersOnlyWithItsSecret() throws Exception {
        ProxyHeaders proxy = new ProxyHeaders(new AuthSettings.Proxy("s".repeat(40), "X-Secret", "X-User", "X-Roles"));
        Map<String, String> headers = Map.of("X-Secret", "s".repeat(40), "X-User", "alice", "X-Roles", "moderator,viewer");

        assertThat(proxy.authenticate(headers::get, "").roles()).isEqualTo(Set.of(Role.MODERATOR, Role.VIEWER));
        assertThatThrownBy(() -> proxy.authenticate(Map.of("X-User", "alice", "X-Roles", "senior")::get, ""))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> proxy.authenticate(Map.of("X-Secret", "s".repeat(39) + "t", "X-User", "alice")::get, ""))
                .isInstanceOf(AuthenticationException.class);
    }
}
