package io.vigil.sink.auth;

import java.util.function.Function;

/** Turns a request's credential into a {@link Caller}, or refuses it. */
public interface Authenticator {

    /**
     * @param header  reads one request header by name
     * @param address the client's address
     * @throws AuthenticationException if no valid credential is present
     */
    Caller authenticate(Function<String, String> header, String address) throws AuthenticationException;
}
