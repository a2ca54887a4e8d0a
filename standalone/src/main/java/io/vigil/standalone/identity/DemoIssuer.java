package io.vigil.standalone.identity;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The demo's own OpenID Connect issuer, so that {@code ./vigil demo} is one command and still signs moderators in
 * the way a real deployment does: a discovery document, the JWKS with its signing key's public half, a login page
 * at the authorization endpoint (the demo users, with passwords), and a token endpoint that takes an authorization
 * code with its PKCE verifier (S256 only) from the registered page. The sink validates its tokens exactly as it
 * validates a real provider's. It listens on the loopback address by default and serves only the demo.
 */
public final class DemoIssuer implements AutoCloseable {

    public static final String CLIENT_ID = "vigil-moderator-page";
    public static final String AUDIENCE = "vigil-sink";
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(30);
    private static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    private static final Pattern PKCE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private record Grant(String username, String redirectUri, String challenge, String nonce, Instant expiresAt) {
    }

    private final Javalin http;
    private final TokenMinter minter;
    private final DemoUsers users;
    private final Set<String> redirectUris;
    private final Set<String> allowedOrigins;
    private final Clock clock;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private DemoIssuer(Javalin http, TokenMinter minter, DemoUsers users, Set<String> redirectUris, Clock clock) {
        this.http = http;
        this.minter = minter;
        this.users = users;
        this.redirectUris = Set.copyOf(redirectUris);
        this.allowedOrigins = redirectUris.stream().map(DemoIssuer::origin).collect(Collectors.toSet());
        this.clock = clock;
    }

    /**
     * Starts the issuer on {@code host:port} (0: any free port) with its key and users under {@code identityDir}.
     *
     * @param redirectUris the moderator page's addresses to which codes may be sent
     */
    public static DemoIssuer start(Path identityDir, String host, int port, Set<String> redirectUris) {
        Javalin http = Javalin.create(config -> config.showJavalinBanner = false);
        http.start(host, port);
        String issuer = "http://" + host + ":" + http.port();
        DemoIssuer demo = new DemoIssuer(http, new TokenMinter(SigningKey.readOrCreate(identityDir), issuer),
                DemoUsers.readOrCreate(identityDir), redirectUris, Clock.systemUTC());
        demo.routes();
        return demo;
    }

    public String issuer() {
        return minter.issuer();
    }

    public String jwksUri() {
        return issuer() + "/jwks.json";
    }

    public DemoUsers users() {
        return users;
    }

    public TokenMinter minter() {
        return minter;
    }

    private void routes() {
        http.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Cache-Control", "no-store");
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' "
                    + String.join(" ", allowedOrigins) + "; frame-ancestors 'none'");
        });
        http.get("/.well-known/openid-configuration", ctx -> ctx.json(discovery()));
        http.get("/jwks.json", ctx -> ctx.contentType("application/json").result(
                new com.nimbusds.jose.jwk.JWKSet(minter.publicKey()).toString(true)));
        http.get("/authorize", this::loginPage);
        http.post("/authorize", this::login);
        http.post("/token", this::token);
        http.options("/token", this::preflight);
    }

    private Map<String, Object> discovery() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer());
        doc.put("authorization_endpoint", issuer() + "/authorize");
        doc.put("token_endpoint", issuer() + "/token");
        doc.put("jwks_uri", jwksUri());
        doc.put("response_types_supported", List.of("code"));
        doc.put("grant_types_supported", List.of("authorization_code"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("none"));
        doc.put("scopes_supported", List.of("openid", "profile"));
        doc.put("claims_supported", List.of("sub", "preferred_username", TokenMinter.ROLES_CLAIM));
        return doc;
    }

    private String checkAuthorizationRequest(Context ctx) {
        if (!CLIENT_ID.equals(param(ctx, "client_id"))) {
            return "unknown client";
        }
        if (!redirectUris.contains(param(ctx, "redirect_uri"))) {
            return "redirect_uri is not registered for this client";
        }
        if (!"code".equals(param(ctx, "response_type"))) {
            return "only response_type=code is supported";
        }
        if (!"S256".equals(param(ctx, "code_challenge_method")) || param(ctx, "code_challenge") == null
                || !PKCE.matcher(param(ctx, "code_challenge")).matches()) {
            return "PKCE with code_challenge_method=S256 is required";
        }
        return null;
    }

    private void loginPage(Context ctx) {
        String problem = checkAuthorizationRequest(ctx);
        if (problem != null) {
            ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain").result(problem);
            return;
        }
        ctx.html(page(ctx, ""));
    }

    private void login(Context ctx) {
        String problem = checkAuthorizationRequest(ctx);
        if (problem != null) {
            ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain").result(problem);
            return;
        }
        var user = users.authenticate(ctx.formParam("username"), ctx.formParam("password"));
        if (user.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED).html(page(ctx, "Wrong user name or password."));
            return;
        }
        String code = randomToken();
        codes.put(code, new Grant(user.get().username(), param(ctx, "redirect_uri"), param(ctx, "code_challenge"),
                param(ctx, "nonce"), clock.instant().plus(CODE_LIFETIME)));
        String state = param(ctx, "state");
        ctx.redirect(param(ctx, "redirect_uri") + "?code=" + code
                + (state == null ? "" : "&state=" + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8)), HttpStatus.SEE_OTHER);
    }

    private void token(Context ctx) {
        cors(ctx);
        if (!"authorization_code".equals(ctx.formParam("grant_type")) || !CLIENT_ID.equals(ctx.formParam("client_id"))) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "unsupported_grant_type"));
            return;
        }
        String code = ctx.formParam("code");
        Grant grant = code == null ? null : codes.remove(code);
        String verifier = ctx.formParam("code_verifier");
        if (grant == null || grant.expiresAt().isBefore(clock.instant()) || !grant.redirectUri().equals(ctx.formParam("redirect_uri"))
                || verifier == null || !PKCE.matcher(verifier).matches() || !grant.challenge().equals(s256(verifier))) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", "invalid_grant"));
            return;
        }
        DemoUsers.User user = users.get(grant.username()).orElseThrow();
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", minter.accessToken(user.username(), user.roles(), AUDIENCE, now, ACCESS_TOKEN_LIFETIME));
        body.put("id_token", minter.idToken(user.username(), CLIENT_ID, grant.nonce(), now, ACCESS_TOKEN_LIFETIME));
        body.put("token_type", "Bearer");
        body.put("expires_in", ACCESS_TOKEN_LIFETIME.toSeconds());
        body.put("scope", "openid profile");
        ctx.json(body);
    }

    private void preflight(Context ctx) {
        cors(ctx);
        ctx.header("Access-Control-Allow-Methods", "POST");
        ctx.header("Access-Control-Allow-Headers", "Content-Type");
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** The page calls the token endpoint from its own origin; only registered origins may read the answer. */
    private void cors(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && allowedOrigins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
        }
    }

    private String page(Context ctx, String error) {
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "code_challenge",
                "code_challenge_method")) {
            String value = param(ctx, name);
            if (value != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(escape(value)).append("\">");
            }
        }
        String people = users.all().stream().map(u -> escape(u.username()) + " (" + escape(String.join(", ", u.roles())) + ")")
                .collect(Collectors.joining(", "));
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Vigil demo sign-in</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:4rem auto}label{display:block;margin:.6rem 0}"
                + "input[type=text],input[type=password]{width:100%;padding:.4rem}.error{color:#b00020}</style></head><body>"
                + "<h1>Vigil demo sign-in</h1><p>The demo's own identity provider. Demo users: " + people
                + "; their passwords are printed by <code>./vigil demo</code>.</p>"
                + (error.isEmpty() ? "" : "<p class=\"error\" id=\"error\">" + escape(error) + "</p>")
                + "<form method=\"post\" action=\"/authorize\">" + hidden
                + "<label>User <input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" required></label>"
                + "<label>Password <input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required></label>"
                + "<button type=\"submit\" id=\"sign-in\">Sign in</button></form></body></html>";
    }

    private static String param(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value != null ? value : ctx.queryParam(name);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    @Override
    public void close() {
        http.stop();
    }
}
