package io.vigil.sink.auth;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The trusted-proxy mode: a single-sign-on proxy in front of the sink authenticates the user and passes the user
 * and roles in headers. Those headers are believed only with the proxy's shared secret (compared in constant
 * time), so a client that reaches the sink around the proxy cannot name itself.
 */
public final class ProxyHeaders implements Authenticator {

    private static final Pattern USER = Pattern.compile("[\\w.@+-]{1,128}");

    private final AuthSettings.Proxy settings;

    public ProxyHeaders(AuthSettings.Proxy settings) {
        this.settings = settings;
    }

    @Override
    public Caller authenticate(Function<String, String> header, String address) throws AuthenticationException {
        if (!ConstantTime.equal(header.apply(settings.secretHeader()), settings.secret())) {
            throw new AuthenticationException("request did not come through the trusted proxy");
        }
        String user = header.apply(settings.userHeader());
        if (user == null || !USER.matcher(user).matches()) {
            throw new AuthenticationException("the proxy named no valid user");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String names = header.apply(settings.rolesHeader());
        if (names != null) {
            for (String name : names.split("[\\s,]+")) {
                Role.fromClaim(name).ifPresent(roles::add);
            }
        }
        return new Caller(user, user, roles, address);
    }
}
