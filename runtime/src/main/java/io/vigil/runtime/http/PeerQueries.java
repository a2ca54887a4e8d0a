package io.vigil.runtime.http;

import io.vigil.runtime.auth.PeerCredential;
import org.apache.avro.specific.SpecificRecordBase;
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
 * Reads a service's state stores wherever they live. Each instance holds the partitions its Streams tasks own;
 * Streams knows which instance owns which chat, so a question about one key goes to the owner of its chat and a
 * question about everything goes to every instance, and the answer is the same whichever instance is asked.
 * Instances ask each other on their internal routes with the peer credential.
 */
public final class PeerQueries {

    /** Everything the instances hold, and whether every instance answered. */
    public record Answer<V>(List<V> values, boolean complete) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PeerQueries.class);
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(3);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final PeerCredential peer;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PEER_TIMEOUT).build();

    public PeerQueries(KafkaStreams streams, String selfEndpoint, PeerCredential peer) {
        this.streams = streams;
        this.self = HostInfo.buildFromEndpoint(selfEndpoint);
        this.peer = peer;
    }

    /** Every value of the store on every instance; {@code internalPath} answers one instance's values. */
    public <V extends SpecificRecordBase> Answer<V> all(String store, String internalPath, AvroJsonLines<V> codec) {
        List<V> values = new ArrayList<>(local(store));
        boolean complete = true;
        for (StreamsMetadata instance : streams.streamsMetadataForStore(store)) {
            if (!instance.hostInfo().equals(self)) {
                Optional<List<V>> remote = ask(instance.hostInfo(), internalPath, codec);
                remote.ifPresent(values::addAll);
                complete &= remote.isPresent();
            }
        }
        return new Answer<>(values, complete);
    }

    /** One key of the store, asked of the instance that owns its chat; {@code internalPath}/key answers it there. */
    public <V extends SpecificRecordBase> Optional<V> get(String store, String chatId, String key, String internalPath,
                                                          AvroJsonLines<V> codec) {
        HostInfo owner = owner(store, chatId);
        if (owner == null) {
            return localGet(store, key);
        }
        return ask(owner, internalPath + "/" + URLEncoder.encode(key, StandardCharsets.UTF_8), codec)
                .flatMap(values -> values.stream().findFirst());
    }

    public <V> List<V> local(String store) {
        List<V> values = new ArrayList<>();
        this.<V>store(store).ifPresent(s -> {
            try (KeyValueIterator<String, V> it = s.all()) {
                it.forEachRemaining(kv -> values.add(kv.value));
            }
        });
        return values;
    }

    public <V> Optional<V> localGet(String store, String key) {
        return this.<V>store(store).map(s -> s.get(key));
    }

    /** The instance that owns the chat's partition, or null for this one (or while nobody is known to own it). */
    private HostInfo owner(String store, String chatId) {
        KeyQueryMetadata owner = streams.queryMetadataForKey(store, chatId, Serdes.String().serializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE) || owner.activeHost().equals(self)) {
            return null;
        }
        return owner.activeHost();
    }

    private <V extends SpecificRecordBase> Optional<List<V>> ask(HostInfo peerHost, String path, AvroJsonLines<V> codec) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + peerHost.host() + ":" + peerHost.port() + path))
                    .header(PeerCredential.HEADER, peer.secret()).timeout(PEER_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return Optional.of(codec.decode(response.body()));
            }
            LOG.warn("instance {}:{} answered {} for {}", peerHost.host(), peerHost.port(), response.statusCode(), path);
        } catch (java.io.IOException e) {
            LOG.warn("instance {}:{} did not answer for {}: {}", peerHost.host(), peerHost.port(), path, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private <V> Optional<ReadOnlyKeyValueStore<String, V>> store(String name) {
        try {
            return Optional.of(streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())));
        } catch (InvalidStateStoreException e) {
            // Not queryable while the instance starts or rebalances; callers answer with what they have.
            return Optional.empty();
        }
    }
}
