package io.vigil.runtime.streams;

import io.vigil.runtime.config.KafkaSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * This instance's stable name in its consumer groups (Kafka's static membership, {@code group.instance.id}): the
 * configured one, or one created once and kept in the state directory. It is as stable as the state: an instance
 * restarted on its state directory takes its partitions (and its warm state) back without a rebalance, and Kafka
 * Streams, which keeps its process id in the same directory, reuses its transactional ids, so the new producer fences
 * the crashed one's open transaction at once instead of waiting for it to time out. Two instances never share a state
 * directory (Streams locks it), so two never share a name.
 */
public final class InstanceIdentity {

    static final String FILE = "vigil-instance-id";

    private InstanceIdentity() {
    }

    public static String of(KafkaSettings kafka) {
        if (!kafka.instanceId().isEmpty()) {
            return kafka.instanceId();
        }
        Path file = Path.of(kafka.stateDir()).resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            Files.createDirectories(file.getParent());
            String created = UUID.randomUUID().toString();
            Path temporary = file.resolveSibling(FILE + ".tmp");
            Files.writeString(temporary, created + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep this instance's id in " + file + " (kafka.state-dir)", e);
        }
    }
}
