package io.vigil.runtime.config;

import java.util.List;

/** Where a service serves /metrics and /health (and, for the sink, the alert feed). Port 0 picks a free port. */
public record HttpSettings(String host, int port) implements Validatable {

    @Override
    public List<String> problems() {
        return new Checks()
                .notBlank(host, "host")
                .require(port >= 0 && port <= 65535, "port", "must be 0-65535 (got " + port + ")")
                .problems();
    }
}
