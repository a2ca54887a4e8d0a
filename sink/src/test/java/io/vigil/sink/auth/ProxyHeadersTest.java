package io.vigil.sink.auth;

import io.vigil.runtime.config.ConfigException;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.sink.SinkConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxyHeadersTest {

    private static final String SECRET = "proxy-secret-for-the-unit-test-0123456789";
    private static final AuthSettings.Proxy SETTINGS =
            new AuthSettings.Proxy(SECRET, "X-Vigil-Proxy-Secret", "X-Forwarded-User", "X-Forwarded-Roles");
    private final ProxyHeaders proxy = new ProxyHeaders(SETTINGS);

    @Test
    void theProxysHeadersAreBelievedOnlyWithItsSharedSecret() throws AuthenticationException {
        Map<String, String> named = Map.of("X-Forwarded-User", "alice", "X-Forwarded-Roles", "moderator, senior");

        assertThatThrownBy(() -> proxy.authenticate(named::get, "10.0.0.9")).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("trusted proxy");
        assertThatThrownBy(() -> proxy.authenticate(with(named, "X-Vigil-Proxy-Secret", SECRET.replace('0', '1'))::get, "10.0.0.9"))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> proxy.authenticate(with(named, "X-Vigil-Proxy-Secret", "")::get, "10.0.0.9"))
                .isInstanceOf(AuthenticationException.class);

        Caller caller = proxy.authenticate(with(named, "X-Vigil-Proxy-Secret", SECRET)::get, "10.0.0.9");
        assertThat(caller.subject()).isEqualTo("alice");
        assertThat(caller.roleNames()).containsExactly("moderator", "senior");
    }

    @Test
    void withTheSecretTheProxyMustStillNameAValidUser() {
        assertThatThrownBy(() -> proxy.authenticate(Map.of("X-Vigil-Proxy-Secret", SECRET)::get, "10.0.0.9"))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("no valid user");
        assertThatThrownBy(() -> proxy.authenticate(Map.of("X-Vigil-Proxy-Secret", SECRET, "X-Forwarded-User", "alice\nforged")::get,
                "10.0.0.9")).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void proxyModeDoesNotStartWithoutASharedSecretOfAtLeast32Characters() {
        assertThatThrownBy(() -> load(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("proxy mode needs a shared secret of at least 32 characters");
        assertThatThrownBy(() -> load(Map.of("auth.proxy.secret", "short-secret"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("proxy mode needs a shared secret");
        assertThat(load(Map.of("auth.proxy.secret", SECRET)).auth().isProxy()).isTrue();
    }

    private static SinkConfig load(Map<String, String> more) {
        ConfigLoader loader = ConfigLoader.forService("sink").environment(Map.of()).override("auth.mode", "proxy")
                .override("auth.peer-secret", "peer-secret-for-tests-0123456789abcdef");
        for (var e : more.entrySet()) {
            loader = loader.override(e.getKey(), e.getValue());
        }
        return loader.load(SinkConfig.class);
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        var all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return all;
    }
}
