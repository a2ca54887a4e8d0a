package io.vigil.standalone.faults;

import io.vigil.standalone.VigilCli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Vigil's services as a deployment runs them: each instance in a JVM of its own ({@code vigil detector|enricher|sink}),
 * with its own state directory, so that a test can kill one with SIGKILL and start it again on the same state.
 */
final class Services {

    static final String SECRET = "fault-test-secret-0123456789";
    static final String ISSUER = "https://id.example.org/realms/safety";
    static final String PEER_SECRET = "fault-test-peer-secret-0123456789abcdef";

    private final String bootstrapServers;
    private final Path dataDir;
    private final Path logDir;
    private final int partitions;
    private final int replicationFactor;

    Services(String bootstrapServers, Path dataDir, Path logDir, int partitions, int replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    Path blobRoot() {
        return dataDir.resolve("blobs");
    }

    /**
     * Starts instance {@code instance} (a, b, ...) of {@code service}; the same instance name reuses its state directory,
     * as a restarted container on its volume does.
     */
    ChildJvm start(String service, String instance) {
        List<String> args = new ArrayList<>(List.of(service, "--bootstrap-servers", bootstrapServers,
                "--set", "kafka.state-dir=" + dataDir.resolve("state").resolve(service + "-" + instance).toAbsolutePath(),
                "--set", "kafka.replication-factor=" + replicationFactor,
                "--set", "kafka.chat-partitions=" + partitions,
                // Two threads whatever the machine: the same test on a 2-core CI runner and a 32-core laptop.
                "--set", "kafka.num-stream-threads=2",
                "--set", "http.port=0",
                "--set", "http.host=127.0.0.1"));
        if (service.equals("detector") || service.equals("sink")) {
            args.addAll(List.of("--set", "media.blob-root=" + blobRoot().toAbsolutePath()));
        }
        if (service.equals("detector")) {
            args.addAll(List.of("--set", "doxxing.hmac-secret=" + SECRET, "--set", "nudity.enabled=false"));
        }
        if (service.equals("sink")) {
            // The moderation API needs an identity provider and a peer secret to start; nobody signs in here, and the
            // provider's discovery document is only fetched when a token first arrives.
            args.addAll(List.of("--set", "auth.oidc.issuer=" + ISSUER, "--set", "auth.peer-secret=" + PEER_SECRET));
        }
        return ChildJvm.start(service + "-" + instance, logDir, "384m", VigilCli.class.getName(), args);
    }
}
