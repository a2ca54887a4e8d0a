package io.vigil.sink.auth;

import java.util.function.Function;

/** The service credential sink instances present to each other's interactive-query routes. */
public final class PeerCredential {

    public static final String HEADER = "X-Vigil-Peer-Secret";

    private final String secret;

    public PeerCredential(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }

    public boolean presentedBy(Function<String, String> header) {
        return ConstantTime.equal(header.apply(HEADER), secret);
    }
}
