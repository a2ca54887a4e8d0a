package io.vigil.enricher.steps;

import io.vigil.enricher.EnricherMetrics;
import io.vigil.enricher.EnricherStores;
import io.vigil.enricher.network.NetworkMemory;
import io.vigil.enricher.staydown.StayDownBank;
import io.vigil.runtime.errors.RejectedRecordException;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.network.NetworkRequest;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The network task: the one processor of the single-partition network-requests topic. Every chat partition's
 * sightings, profiles and stay-down decisions pass here in one order, so media clusters and victim cases stay
 * consistent however many partitions and instances the chats are spread over. The in-memory PDQ indexes are
 * rebuilt from the restored stores when the task starts, and dropped when it closes.
 */
public final class NetworkMemoryStep implements Processor<String, NetworkRequest, String, NetworkOutput> {

    static final Duration CLEAN_UP = Duration.ofMinutes(1);

    private final EnricherStores.NetworkSettings settings;
    private final EnricherMetrics metrics;
    private final Clock clock;
    private ProcessorContext<String, NetworkOutput> context;
    private NetworkMemory memory;

    public NetworkMemoryStep(EnricherStores.NetworkSettings settings, EnricherMetrics metrics, Clock clock) {
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, NetworkOutput> context) {
        this.context = context;
        this.memory = EnricherStores.networkMemory(context, settings);
        memory.load();
        metrics.clustersIndexed(() -> memory == null ? 0 : memory.clusters().indexed());
        context.schedule(CLEAN_UP, PunctuationType.STREAM_TIME, streamTime -> {
            memory.forgetImagesBefore(Instant.ofEpochMilli(streamTime).minus(memory.followWindow()));
            memory.forgetIdentifiersSeenBefore(clock.instant().minus(memory.followWindow()));
        });
    }

    @Override
    public void process(Record<String, NetworkRequest> record) {
        NetworkRequest request = record.value();
        Instant now = clock.instant();
        switch (request.getKind()) {
            case SIGHTING -> {
                require(request.getSighting() != null, "a SIGHTING request without its sighting");
                NetworkMemory.Sighted sighted = memory.sight(request.getChatId(), request.getSighting(), now);
                context.forward(new Record<>(request.getChatId(), new NetworkOutput.Facts(sighted.facts()), record.timestamp()));
                lineage(sighted.lineage(), record.timestamp());
            }
            case PROFILE -> {
                require(request.getProfile() != null, "a PROFILE request without its profile");
                lineage(memory.profile(request.getProfile(), now), record.timestamp());
            }
            case STAY_DOWN -> {
                require(request.getStayDown() != null, "a STAY_DOWN request without its decision");
                for (StayDownBank.BankWrite write : memory.stayDown(request.getStayDown())) {
                    metrics.stayDown(write.entry() == null ? "removed" : "written");
                    context.forward(new Record<>(write.key(), new NetworkOutput.BankWrite(write.entry()), record.timestamp()));
                }
            }
            default -> throw new RejectedRecordException("invalid_network_request", "network request of unknown kind " + request.getKind());
        }
    }

    private void lineage(List<LineageRecord> records, long timestamp) {
        for (LineageRecord r : records) {
            metrics.lineage(r.getRelation());
            context.forward(new Record<>(r.getChatId(), new NetworkOutput.Lineage(r), timestamp));
        }
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new RejectedRecordException("invalid_network_request", problem);
        }
    }

    @Override
    public void close() {
        if (memory != null) {
            memory.close();
            memory = null;
        }
    }
}
