package io.vigil.standalone.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Signs the demo issuer's tokens (RS256, with the key id the JWKS publishes). */
public final class TokenMinter {

    /** The claim the demo issuer puts roles in; the sink's default {@code auth.oidc.role-claim}. */
    public static final String ROLES_CLAIM = "roles";

    private final RSAKey key;
    private final String issuer;

    public TokenMinter(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    public String issuer() {
        return issuer;
    }

    /** An access token for the API {@code audience}, valid from {@code issuedAt} for {@code lifetime}. */
    public String accessToken(String subject, List<String> roles, String audience, Instant issuedAt, Duration lifetime) {
        return sign(new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .claim("preferred_username", subject).claim(ROLES_CLAIM, roles)
                .issueTime(Date.from(issuedAt)).notBeforeTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString()).build());
    }

    /** The OpenID Connect ID token for the page (audience: its client id). */
    public String idToken(String subject, String clientId, String nonce, Instant issuedAt, Duration lifetime) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(clientId)
                .claim("preferred_username", subject).issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(lifetime)));
        if (nonce != null && !nonce.isBlank()) {
            claims.claim("nonce", nonce);
        }
        return sign(claims.build());
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a demo token failed", e);
        }
    }
}
