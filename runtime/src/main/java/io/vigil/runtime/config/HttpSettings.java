package io.vigil.runtime.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Where a service serves /metrics and /health (and, for the sink, the alert feed). Port 0 picks a free port.
 *
 * @param advertisedHost how the service's peers reach this instance (Kafka Streams' application.server); empty
 *                       means the listening address, or this host's address when listening on all interfaces
 */
public record HttpSettings(String host, int port, String advertisedHost) implements Validatable {

    private static final String ALL_INTERFACES = "0.0.0.0";

    @Override
    public List<String> problems() {
        return new Checks()
                .notBlank(host, "host")
                .require(port >= 0 && port <= 65535, "port", "must be 0-65535 (got " + port + ")")
                .problems();
    }

    /** These settings with port 0 replaced by a free port, so the port is known before the server starts. */
    public HttpSettings withConcretePort() {
        if (port != 0) {
            return this;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return new HttpSettings(host, socket.getLocalPort(), advertisedHost);
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    /** host:port by which other instances of the service reach this one. */
    public String advertisedEndpoint() {
        String advertised = advertisedHost;
        if (advertised == null || advertised.isBlank()) {
            advertised = ALL_INTERFACES.equals(host) ? localAddress() : host;
        }
        return advertised + ":" + port;
    }

    private static String localAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("this host has no address its peers could use; set http.advertised-host", e);
        }
    }
}
