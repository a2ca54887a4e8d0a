package io.vigil.sink.auth;

/** A credential is missing or invalid; the message says why in words safe to return (never the token itself). */
public final class AuthenticationException extends Exception {

    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
