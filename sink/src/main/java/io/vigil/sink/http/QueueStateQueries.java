package io.vigil.sink.http;

import io.vigil.schemas.QueueEntry;
import io.vigil.sink.steps.QueueState;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.StreamsMetadata;
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
 * knows which instance owns which chat, so a question about one item goes to its owner and a question about all
 * items goes to every instance, and the answer is the same whichever instance the moderator's page talks to.
 */
public final class QueueStateQueries {

    public static final String INTERNAL_PATH = "/api/internal/queue-state";
    private static final Logger LOG = LoggerFactory.getLogger(QueueStateQueries.class);
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(3);

    /** Entries and whether every instance answered. */
    public record Answer(List<QueueEntry> entries, boolean complete) {
    }

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PEER_TIMEOUT).build();

    public QueueStateQueries(KafkaStreams streams, String selfEndpoint) {
        this.streams = streams;
        this.self = HostInfo.buildFromEndpoint(selfEndpoint);
    }

    /** Every entry of every instance. */
    public Answer all() {
        List<QueueEntry> entries = new ArrayList<>(local());
        boolean complete = true;
        for (StreamsMetadata instance : streams.streamsMetadataForStore(QueueState.STORE)) {
            if (!instance.hostInfo().equals(self)) {
                Optional<List<QueueEntry>> remote = ask(instance.hostInfo(), INTERNAL_PATH);
                remote.ifPresent(entries::addAll);
                complete &= remote.isPresent();
            }
        }
        return new Answer(entries, complete);
    }

    /** One item, asked of the instance that owns its chat. */
    public Optional<QueueEntry> get(String chatId, String itemId) {
        KeyQueryMetadata owner = streams.queryMetadataForKey(QueueState.STORE, chatId, Serdes.String().serializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE) || owner.activeHost().equals(self)) {
            return localGet(itemId);
        }
        return ask(owner.activeHost(), INTERNAL_PATH + "/" + URLEncoder.encode(itemId, StandardCharsets.UTF_8))
                .flatMap(entries -> entries.stream().findFirst());
    }

    public List<QueueEntry> local() {
        List<QueueEntry> entries = new ArrayList<>();
        store().ifPresent(s -> {
            try (KeyValueIterator<String, QueueEntry> it = s.all()) {
                it.forEachRemaining(kv -> entries.add(kv.value));
            }
        });
        return entries;
    }

    public Optional<QueueEntry> localGet(String itemId) {
        return store().map(s -> s.get(itemId));
    }

    private Optional<List<QueueEntry>> ask(HostInfo peer, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + peer.host() + ":" + peer.port() + path))
                    .timeout(PEER_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return Optional.of(QueueEntryCodec.decode(response.body()));
            }
            LOG.warn("sink instance {}:{} answered {} for the queue state", peer.host(), peer.port(), response.statusCode());
        } catch (java.io.IOException e) {
            LOG.warn("sink instance {}:{} did not answer for the queue state: {}", peer.host(), peer.port(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private Optional<ReadOnlyKeyValueStore<String, QueueEntry>> store() {
        try {
            return Optional.of(streams.store(StoreQueryParameters.fromNameAndType(QueueState.STORE,
                    QueryableStoreTypes.<String, QueueEntry>keyValueStore())));
        } catch (InvalidStateStoreException e) {
            // Not queryable while the instance starts or rebalances; callers answer with what they have.
            return Optional.empty();
        }
    }
}
