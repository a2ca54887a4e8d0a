package io.vigil.sink.http;

import io.vigil.schemas.CommandOutcome;
import io.vigil.schemas.QueueEntry;
import io.vigil.sink.auth.PeerCredential;
import io.vigil.sink.steps.QueueState;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the queue state wherever it lives. Each sink instance holds the partitions its Streams tasks own; Streams
 * knows which instance owns which chat, so a question about one item (or one command's outcome) goes to its owner
 * and a question about all items goes to every instance, and the answer is the same whichever instance the
 * moderator's page talks to. Instances ask each other with the peer credential.
 */
public final class QueueStateQueries {

    public static final String INTERNAL_PATH = "/api/internal/queue-state";
    public static final String OUTCOMES_PATH = "/api/internal/outcomes";
    private static final Logger LOG = LoggerFactory.getLogger(QueueStateQueries.class);
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(3);
    static final AvroJsonLines<QueueEntry> ENTRIES = new AvroJsonLines<>(QueueEntry.class, QueueEntry.getClassSchema());
    static final AvroJsonLines<CommandOutcome> OUTCOMES = new AvroJsonLines<>(CommandOutcome.class, CommandOutcome.getClassSchema());

    /** Entries and whether every instance answered. */
    public record Answer(List<QueueEntry> entries, boolean complete) {
    }

    private final KafkaStreams streams;
    private final HostInfo self;
    private final PeerCredential peer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PEER_TIMEOUT).build();

    public QueueStateQueries(KafkaStreams streams, String selfEndpoint, PeerCredential peer) {
        this.streams = streams;
        this.self = HostInfo.buildFromEndpoint(selfEndpoint);
        this.peer = peer;
    }

    /** Every entry of every instance. */
    public Answer all() {
        List<QueueEntry> entries = new ArrayList<>(local());
        boolean complete = true;
        for (StreamsMetadata instance : streams.streamsMetadataForStore(QueueState.STORE)) {
            if (!instance.hostInfo().equals(self)) {
                Optional<List<QueueEntry>> remote = ask(instance.hostInfo(), INTERNAL_PATH, ENTRIES);
                remote.ifPresent(entries::addAll);
                complete &= remote.isPresent();
            }
        }
        return new Answer(entries, complete);
    }

    /** One item, asked of the instance that owns its chat. */
    public Optional<QueueEntry> get(String chatId, String itemId) {
        HostInfo owner = owner(chatId);
        if (owner == null) {
            return localGet(itemId);
        }
        return ask(owner, INTERNAL_PATH + "/" + URLEncoder.encode(itemId, StandardCharsets.UTF_8), ENTRIES)
                .flatMap(entries -> entries.stream().findFirst());
    }

    /** The verdict on a command about an item of this chat, once the topology has made it. */
    public Optional<CommandOutcome> outcome(String chatId, String commandId) {
        HostInfo owner = owner(chatId);
        if (owner == null) {
            return localOutcome(commandId);
        }
        return ask(owner, OUTCOMES_PATH + "/" + URLEncoder.encode(commandId, StandardCharsets.UTF_8), OUTCOMES)
                .flatMap(outcomes -> outcomes.stream().findFirst());
    }

    public List<QueueEntry> local() {
        List<QueueEntry> entries = new ArrayList<>();
        store(QueueState.STORE, QueueEntry.class).ifPresent(s -> {
            try (KeyValueIterator<String, QueueEntry> it = s.all()) {
                it.forEachRemaining(kv -> entries.add(kv.value));
            }
        });
        return entries;
    }

    public Optional<QueueEntry> localGet(String itemId) {
        return store(QueueState.STORE, QueueEntry.class).map(s -> s.get(itemId));
    }

    public Optional<CommandOutcome> localOutcome(String commandId) {
        return store(QueueState.OUTCOMES, CommandOutcome.class).map(s -> s.get(commandId));
    }

    /** The instance that owns the chat's partition, or null for this one (or while nobody is known to own it). */
    private HostInfo owner(String chatId) {
        KeyQueryMetadata owner = streams.queryMetadataForKey(QueueState.STORE, chatId, Serdes.String().serializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE) || owner.activeHost().equals(self)) {
            return null;
        }
        return owner.activeHost();
    }

    private <T extends org.apache.avro.specific.SpecificRecordBase> Optional<List<T>> ask(HostInfo peerHost, String path,
                                                                                         AvroJsonLines<T> codec) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + peerHost.host() + ":" + peerHost.port() + path))
                    .header(PeerCredential.HEADER, peer.secret()).timeout(PEER_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return Optional.of(codec.decode(response.body()));
            }
            LOG.warn("sink instance {}:{} answered {} for the queue state", peerHost.host(), peerHost.port(), response.statusCode());
        } catch (java.io.IOException e) {
            LOG.warn("sink instance {}:{} did not answer for the queue state: {}", peerHost.host(), peerHost.port(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private <V> Optional<ReadOnlyKeyValueStore<String, V>> store(String name, Class<V> type) {
        try {
            return Optional.of(streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())));
        } catch (InvalidStateStoreException e) {
            // Not queryable while the instance starts or rebalances; callers answer with what they have.
            return Optional.empty();
        }
    }
}
