package io.vigil.sink.http;

import io.vigil.runtime.auth.PeerCredential;
import io.vigil.runtime.http.AvroJsonLines;
import io.vigil.runtime.http.PeerQueries;
import io.vigil.schemas.CommandOutcome;
import io.vigil.schemas.QueueEntry;
import io.vigil.sink.steps.QueueState;
import org.apache.kafka.streams.KafkaStreams;

import java.util.List;
import java.util.Optional;

/**
 * Reads the queue state wherever it lives (through {@link PeerQueries}): a question about one item (or one command's
 * outcome) goes to the instance that owns its chat, a question about all items to every instance, so the answer is
 * the same whichever instance the moderator's page talks to.
 */
public final class QueueStateQueries {

    public static final String INTERNAL_PATH = "/api/internal/queue-state";
    public static final String OUTCOMES_PATH = "/api/internal/outcomes";
    static final AvroJsonLines<QueueEntry> ENTRIES = new AvroJsonLines<>(QueueEntry.class, QueueEntry.getClassSchema());
    static final AvroJsonLines<CommandOutcome> OUTCOMES = new AvroJsonLines<>(CommandOutcome.class, CommandOutcome.getClassSchema());

    /** Entries and whether every instance answered. */
    public record Answer(List<QueueEntry> entries, boolean complete) {
    }

    private final PeerQueries peers;

    public QueueStateQueries(KafkaStreams streams, String selfEndpoint, PeerCredential peer) {
        this.peers = new PeerQueries(streams, selfEndpoint, peer);
    }

    /** Every entry of every instance. */
    public Answer all() {
        PeerQueries.Answer<QueueEntry> answer = peers.all(QueueState.STORE, INTERNAL_PATH, ENTRIES);
        return new Answer(answer.values(), answer.complete());
    }

    /** One item, asked of the instance that owns its chat. */
    public Optional<QueueEntry> get(String chatId, String itemId) {
        return peers.get(QueueState.STORE, chatId, itemId, INTERNAL_PATH, ENTRIES);
    }

    /** The verdict on a command about an item of this chat, once the topology has made it. */
    public Optional<CommandOutcome> outcome(String chatId, String commandId) {
        return peers.get(QueueState.OUTCOMES, chatId, commandId, OUTCOMES_PATH, OUTCOMES);
    }

    public List<QueueEntry> local() {
        return peers.local(QueueState.STORE);
    }

    public Optional<QueueEntry> localGet(String itemId) {
        return peers.localGet(QueueState.STORE, itemId);
    }

    public Optional<CommandOutcome> localOutcome(String commandId) {
        return peers.localGet(QueueState.OUTCOMES, commandId);
    }
}
