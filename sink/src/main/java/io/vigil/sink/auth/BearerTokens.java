package io.vigil.sink.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates OpenID Connect bearer tokens with Nimbus JOSE+JWT: the signature against the issuer's JWKS (asymmetric
 * algorithms only, so a token signed with a public key as HMAC secret is refused), the exact issuer, the audience,
 * expiry and not-before with the configured clock skew, and a subject. Roles come from the configured claim.
 */
public final class BearerTokens implements Authenticator {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.EdDSA);
    private static final int JWKS_TIMEOUT_MS = 5_000;
    private static final int JWKS_MAX_BYTES = 512 * 1024;

    private final OidcProvider provider;
    private volatile ConfigurableJWTProcessor<SecurityContext> processor;

    public BearerTokens(OidcProvider provider) {
        this.provider = provider;
    }

    @Override
    public Caller authenticate(Function<String, String> header, String address) throws AuthenticationException {
        String authorization = header.apply("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new AuthenticationException("a bearer token is required");
        }
        return validate(authorization.substring(7).strip(), address);
    }

    /** The caller a token names, if it is valid. */
    public Caller validate(String token, String address) throws AuthenticationException {
        JWTClaimsSet claims;
        try {
            claims = processor().process(token, null);
        } catch (BadJWTException e) {
            throw new AuthenticationException("token refused: " + e.getMessage());
        } catch (BadJOSEException | ParseException e) {
            throw new AuthenticationException("token refused: not a valid signed token of the issuer");
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new AuthenticationException("token refused: signature cannot be checked");
        } catch (IOException e) {
            throw new AuthenticationException("the identity provider's keys cannot be read", e);
        }
        AuthSettings.Oidc settings = provider.settings();
        Object name = claims.getClaim(settings.nameClaim());
        return new Caller(claims.getSubject(), name == null ? claims.getSubject() : name.toString(),
                roles(claims.getClaims(), settings.roleClaim()), address);
    }

    /** Roles from a claim that is a list, or a space- or comma-separated string, at a dotted path. */
    static Set<Role> roles(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        Collection<?> names = value instanceof Collection<?> list ? list
                : value instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object role : names) {
            if (role != null) {
                Role.fromClaim(role.toString()).ifPresent(roles::add);
            }
        }
        return roles;
    }

    private ConfigurableJWTProcessor<SecurityContext> processor() throws IOException {
        ConfigurableJWTProcessor<SecurityContext> current = processor;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (processor == null) {
                AuthSettings.Oidc settings = provider.settings();
                JWKSource<SecurityContext> keys = JWKSourceBuilder
                        .create(URI.create(provider.endpoints().jwksUri()).toURL(),
                                new DefaultResourceRetriever(JWKS_TIMEOUT_MS, JWKS_TIMEOUT_MS, JWKS_MAX_BYTES))
                        .retrying(true).build();
                DefaultJWTProcessor<SecurityContext> built = new DefaultJWTProcessor<>();
                built.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
                built.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
                DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(settings.audience(),
                        new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "exp", "iat"));
                verifier.setMaxClockSkew(settings.clockSkewSeconds());
                built.setJWTClaimsSetVerifier(verifier);
                processor = built;
            }
            return processor;
        }
    }
}
